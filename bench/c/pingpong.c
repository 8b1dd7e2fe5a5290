/* The C baseline for TCP ping-pong: blocking sockets, TCP_NODELAY, one
 * 64-byte message each way per round trip.
 *   pingpong server [epoll]        prints its port, echoes one connection until EOF
 *   pingpong client PORT N [epoll] prints nanoseconds per round trip over N trips
 * "epoll" is the design of an event loop written in C: a non-blocking socket,
 * a wait in epoll_wait(2) for readability, a recv(2) of what is there, and a
 * second thread that sleeps, as every Node process has threads (the kernel
 * then takes a reference on each fd a syscall uses). It is the floor of any
 * event-loop library, ours included: what is left above it is user space. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
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

static void* sleeper(void* unused) {
  (void)unused;
  for (;;) pause();
  return NULL;
}

/* full() on the event loop `ep` (none: -1, blocking). Sends go out at once
 * (64 bytes always fit the send buffer of an idle connection); receives wait
 * in epoll_wait. */
static int full_polled(int fd, int ep, char* buf, int recv_side) {
  if (ep < 0 || !recv_side) return full(fd, buf, recv_side);
  size_t done = 0;
  while (done < SIZE) {
    struct epoll_event ready;
    if (epoll_wait(ep, &ready, 1, -1) < 0) return -1;
    ssize_t n = recv(fd, buf + done, SIZE - done, 0);
    if (n == 0 || (n < 0 && errno != EAGAIN)) return -1;
    if (n > 0) done += (size_t)n;
  }
  return 0;
}

/* Makes fd non-blocking and returns an epoll fd watching it for input. */
static int event_loop(int fd) {
  pthread_t thread;
  if (pthread_create(&thread, NULL, sleeper, NULL) != 0) return -1;
  if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) return -1;
  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event want = {.events = EPOLLIN, .data = {.fd = fd}};
  if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, fd, &want) < 0) return -1;
  return ep;
}

/* One message each way; the client sends first. */
static int exchange(int fd, int ep, char* buf, int send_first) {
  return full_polled(fd, ep, buf, !send_first) || full_polled(fd, ep, buf, send_first);
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
    int ep = -1;
    if (argc > 2 && strcmp(argv[2], "epoll") == 0 && (ep = event_loop(c)) < 0) return 1;
    while (exchange(c, ep, buf, 0) == 0) {}
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
  int ep = -1;
  if (argc > 4 && strcmp(argv[4], "epoll") == 0 && (ep = event_loop(c)) < 0) return 1;
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (long i = 0; i < trips; i++) {
    if (exchange(c, ep, buf, 1)) return 1;
  }
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("%.1f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / trips);
  close(c);
  return 0;
}
