/* The C baseline for TCP ping-pong: blocking sockets, TCP_NODELAY, one
 * 64-byte message each way per round trip.
 *   pingpong server        prints its port, echoes one connection until EOF
 *   pingpong client PORT N prints nanoseconds per round trip over N trips */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SIZE 64

static int full(int fd, char* buf, int recv_side) {
  size_t done = 0;
  while (done < SIZE) {
    ssize_t n = recv_side ? recv(fd, buf + done, SIZE - done, 0) : send(fd, buf + done, SIZE - done, MSG_NOSIGNAL);
    if (n <= 0) return -1;
    done += (size_t)n;
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int one = 1;
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  char buf[SIZE];
  memset(buf, 7, SIZE);
  if (strcmp(argv[1], "server") == 0) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(s, (struct sockaddr*)&addr, sizeof(addr)) || listen(s, 16)) return 1;
    socklen_t len = sizeof(addr);
    getsockname(s, (struct sockaddr*)&addr, &len);
    printf("%d\n", ntohs(addr.sin_port));
    fflush(stdout);
    int c = accept(s, NULL, NULL);
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    while (full(c, buf, 1) == 0 && full(c, buf, 0) == 0) {}
    close(c);
    close(s);
    return 0;
  }
  if (argc < 4) return 2;
  addr.sin_port = htons((unsigned short)atoi(argv[2]));
  long trips = atol(argv[3]);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(c, (struct sockaddr*)&addr, sizeof(addr))) return 1;
  setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (long i = 0; i < trips; i++) {
    if (full(c, buf, 0) || full(c, buf, 1)) return 1;
  }
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("%.1f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / trips);
  close(c);
  return 0;
}
