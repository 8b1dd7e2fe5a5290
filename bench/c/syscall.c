/* The C side of the hot-call probe: the same non-blocking syscalls the JS
 * probe makes through the binding, timed in a loop.
 *   syscall N   prints "recv getsockopt" nanoseconds per call
 *
 * The process has a second, idle thread, as a Node process always has: with
 * the fd table shared, the kernel takes and drops a reference on the file at
 * every syscall (fdget), which a single-threaded process skips. That costs
 * 50-80 ns per call on this VM; it belongs to the syscall, not to the
 * binding, so the baseline pays it too. */
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static void* idle(void* arg) {
  pause();
  return arg;
}

int main(int argc, char** argv) {
  pthread_t thread;
  pthread_create(&thread, NULL, idle, NULL);
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, (struct sockaddr*)&a, sizeof(a));
  char buf[64];
  int v;
  double t0 = now();
  for (long i = 0; i < n; i++) recv(s, buf, sizeof(buf), 0); /* EAGAIN: nothing queued */
  double t1 = now();
  for (long i = 0; i < n; i++) {
    socklen_t len = sizeof(v);
    getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len);
  }
  double t2 = now();
  printf("%.1f %.1f\n", (t1 - t0) / n, (t2 - t1) / n);
  return 0;
}
