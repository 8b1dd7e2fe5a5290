/* The C baseline for TCP bulk: 64 KiB writes with blocking send, 64 KiB
 * reads with blocking recv.
 *   bulk server         prints its port, reads one connection to EOF, prints the bytes
 *   bulk client PORT N  sends N writes of 64 KiB, prints nanoseconds per write */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 65536

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  static char buf[CHUNK];
  memset(buf, 7, sizeof(buf));
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (strcmp(argv[1], "server") == 0) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr*)&addr, sizeof(addr)) || listen(s, 16)) return 1;
    socklen_t len = sizeof(addr);
    getsockname(s, (struct sockaddr*)&addr, &len);
    printf("%d\n", ntohs(addr.sin_port));
    fflush(stdout);
    int c = accept(s, NULL, NULL);
    long long total = 0;
    ssize_t n;
    while ((n = recv(c, buf, sizeof(buf), 0)) > 0) total += n;
    fprintf(stderr, "%lld\n", total);
    close(c);
    close(s);
    return 0;
  }
  if (argc < 4) return 2;
  addr.sin_port = htons((unsigned short)atoi(argv[2]));
  long writes = atol(argv[3]);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(c, (struct sockaddr*)&addr, sizeof(addr))) return 1;
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (long i = 0; i < writes; i++) {
    size_t done = 0;
    while (done < CHUNK) {
      ssize_t n = send(c, buf + done, CHUNK - done, MSG_NOSIGNAL);
      if (n <= 0) return 1;
      done += (size_t)n;
    }
  }
  shutdown(c, SHUT_WR);
  char end;
  recv(c, &end, 1, 0); /* the server's close: everything was read */
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("%.1f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / writes);
  close(c);
  return 0;
}
