/* The C baseline server of the scale scenarios (bench/scale.ts): one thread,
 * epoll (level-triggered), non-blocking sockets on 127.0.0.1, TCP_NODELAY,
 * accept4 until EAGAIN on each readiness of the listening socket.
 *
 *   epoll_server echo      echoes what each connection sends, until it closes
 *   epoll_server accept    reads a 64-byte message, echoes it and closes
 *   epoll_server idle N    accepts N connections that send nothing, then
 *                          prints its RSS before and after as a JSON line
 *
 * Prints its port first; runs until killed. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#define SIZE 64
#define EVENTS 1024

static void fail(const char* what) {
  fprintf(stderr, "epoll_server: %s: %s\n", what, strerror(errno));
  exit(1);
}

static long rss_bytes(void) {
  long pages = 0, resident = 0;
  FILE* f = fopen("/proc/self/statm", "r");
  if (f == NULL || fscanf(f, "%ld %ld", &pages, &resident) != 2) fail("/proc/self/statm");
  fclose(f);
  return resident * sysconf(_SC_PAGESIZE);
}

/* The bytes of the 64-byte message a connection has read (accept mode). */
static unsigned char* got;

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int accept_mode = strcmp(argv[1], "accept") == 0;
  int idle = strcmp(argv[1], "idle") == 0 && argc > 2;
  long want = idle ? atol(argv[2]) : 0;
  if (!accept_mode && !idle && strcmp(argv[1], "echo") != 0) return 2;
  struct rlimit limit;
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  got = calloc(limit.rlim_cur, 1);

  int one = 1;
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (bind(s, (struct sockaddr*)&addr, sizeof(addr)) || listen(s, SOMAXCONN)) fail("bind/listen");
  socklen_t len = sizeof(addr);
  getsockname(s, (struct sockaddr*)&addr, &len);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event e = {.events = EPOLLIN, .data = {.fd = s}};
  if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, s, &e) != 0) fail("epoll");
  long rss_before = rss_bytes();
  long accepted = 0;
  printf("%d\n", ntohs(addr.sin_port));
  fflush(stdout);

  struct epoll_event ready[EVENTS];
  char buf[SIZE];
  for (;;) {
    int n = epoll_wait(ep, ready, EVENTS, -1);
    if (n < 0 && errno != EINTR) fail("epoll_wait");
    for (int i = 0; i < n; i++) {
      int fd = ready[i].data.fd;
      if (fd == s) {
        for (;;) {
          int c = accept4(s, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
          if (c < 0) {
            if (errno == EAGAIN || errno == ECONNABORTED) break;
            fail("accept4");
          }
          setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
          got[c] = 0;
          struct epoll_event ce = {.events = EPOLLIN, .data = {.fd = c}};
          if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ce) != 0) fail("epoll_ctl");
          if (idle && ++accepted == want) {
            long rss_after = rss_bytes();
            printf("{\"conns\":%ld,\"rssBefore\":%ld,\"rssAfter\":%ld}\n", want, rss_before, rss_after);
            fflush(stdout);
          }
        }
        continue;
      }
      ssize_t r = recv(fd, buf, accept_mode ? SIZE - got[fd] : SIZE, 0);
      if (r < 0 && errno == EAGAIN) continue;
      if (r <= 0) {
        close(fd);
        continue;
      }
      /* One message in flight per connection: the echo always fits. */
      if (send(fd, buf, (size_t)r, MSG_NOSIGNAL) != r) {
        close(fd);
        continue;
      }
      if (accept_mode && (got[fd] += (unsigned char)r) >= SIZE) close(fd);
    }
  }
}
