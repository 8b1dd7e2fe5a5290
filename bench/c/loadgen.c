/* The load generator of the scale scenarios (bench/scale.ts): C, epoll,
 * non-blocking sockets to 127.0.0.1:PORT, TCP_NODELAY.
 *
 *   loadgen echo PORT CONNS SECONDS WARMUP [SERVER_PID [THREADS]]
 *     CONNS connections, each keeping one 64-byte message in flight: send
 *     it, wait for its 64-byte echo, send again. Connects them (at most 128
 *     handshakes at a time per thread), sends one message on each and waits
 *     for every echo before the ping-pong starts; measures for SECONDS once
 *     WARMUP seconds of it have passed. THREADS (1 by default) share the connections out, each with
 *     its own epoll, for a server faster than one thread can load.
 *   loadgen accept PORT CONCURRENCY SECONDS WARMUP [SERVER_PID]
 *     CONCURRENCY slots, each: connect, send 64 bytes, read the 64-byte echo
 *     and the server's close (EOF), close, again. Counts connections.
 *   loadgen idle PORT CONNS
 *     CONNS connections that send nothing; prints once all are connected
 *     and holds them until killed.
 *
 * Prints one JSON line: the rate (messages or connections per second) and
 * the latency percentiles in microseconds (echo: send to echo; accept:
 * connect to EOF), from a histogram of 1 µs buckets; and the CPU time per
 * message (or connection) that this process and, given its pid, the server
 * used while measuring (all its threads, from /proc/PID/task/TID/schedstat):
 * on a machine shared with other work, that is steadier than the rate. A
 * failure prints one line on stderr and exits 1. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SIZE 64
#define CONNECTING_AT_ONCE 128
#define EVENTS 1024
#define MAX_THREADS 64
/* Latencies up to 2^22 µs (4.2 s), then one overflow bucket. */
#define BUCKETS (1u << 22)
#define SETUP_LIMIT_NS (120 * 1000000000LL)

enum state { CONNECTING, WAITING, DRAINING, PAUSED };

struct conn {
  int fd;
  enum state state;
  int got;
  int echoed;
  int64_t since;
};

/* One thread's share of the load: its connections, epoll and counts. */
struct worker {
  int ep;
  struct conn* conns;
  int count;
  uint32_t* histogram;
  uint64_t samples;
  pthread_t thread;
};

static struct sockaddr_in server;
static char message[SIZE];
/* Echo mode: connections that have had their first echo, whether the
 * ping-pong runs (once every connection has), and the measured window. */
static atomic_int ready, go;
static _Atomic int64_t window_start, window_end;

static void fail(const char* what) {
  fprintf(stderr, "loadgen: %s: %s\n", what, strerror(errno));
  exit(1);
}

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void sleep_until(int64_t when) {
  struct timespec t = {.tv_sec = when / 1000000000LL, .tv_nsec = when % 1000000000LL};
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) == EINTR) {}
}

/* Room for `fds` descriptors: the soft limit up to the hard one, and the hard
 * one too when the process may (root). */
static void raise_fd_limit(rlim_t fds) {
  struct rlimit limit;
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) fail("getrlimit");
  if (limit.rlim_cur >= fds) return;
  if (limit.rlim_max < fds) limit.rlim_max = fds;
  limit.rlim_cur = limit.rlim_max;
  if (setrlimit(RLIMIT_NOFILE, &limit) != 0) fail("setrlimit(RLIMIT_NOFILE)");
}

/* The CPU time all threads of `pid` have used, in ns (0 for no pid). */
static int64_t cpu_ns_of(int pid) {
  if (pid <= 0) return 0;
  char path[64];
  snprintf(path, sizeof(path), "/proc/%d/task", pid);
  DIR* tasks = opendir(path);
  if (tasks == NULL) fail("/proc/PID/task");
  int64_t total = 0;
  struct dirent* task;
  while ((task = readdir(tasks)) != NULL) {
    if (task->d_name[0] == '.') continue;
    char file[300];
    snprintf(file, sizeof(file), "/proc/%d/task/%s/schedstat", pid, task->d_name);
    FILE* f = fopen(file, "r");
    long long ns = 0;
    if (f != NULL && fscanf(f, "%lld", &ns) == 1) total += ns;
    if (f != NULL) fclose(f);
  }
  closedir(tasks);
  return total;
}

static int64_t own_cpu_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The CPU time of this process and of the server over the measured window. */
struct cpu_window {
  int server_pid;
  int64_t own, server;
};

static void cpu_begin(struct cpu_window* w) {
  w->own = own_cpu_ns();
  w->server = cpu_ns_of(w->server_pid);
}

static void cpu_end(struct cpu_window* w) {
  w->own = own_cpu_ns() - w->own;
  w->server = cpu_ns_of(w->server_pid) - w->server;
}

static void record(struct worker* w, int64_t ns) {
  uint64_t us = (uint64_t)(ns / 1000);
  w->histogram[us < BUCKETS ? us : BUCKETS - 1]++;
  w->samples++;
}

/* Adds the other workers' histograms to the first one's. */
static void merge(struct worker* workers, int n) {
  for (int t = 1; t < n; t++) {
    for (uint32_t i = 0; i < BUCKETS; i++) workers[0].histogram[i] += workers[t].histogram[i];
    workers[0].samples += workers[t].samples;
  }
}

/* The latency under which `fraction` of the samples fall, in µs. */
static double percentile(const struct worker* w, double fraction) {
  uint64_t want = (uint64_t)(fraction * (double)w->samples);
  uint64_t seen = 0;
  for (uint32_t i = 0; i < BUCKETS; i++) {
    seen += w->histogram[i];
    if (seen > want) return i;
  }
  return BUCKETS;
}

static void worker_init(struct worker* w, int count) {
  w->ep = epoll_create1(EPOLL_CLOEXEC);
  w->conns = calloc((size_t)count, sizeof(*w->conns));
  w->histogram = calloc(BUCKETS, sizeof(*w->histogram));
  w->count = count;
  if (w->ep < 0 || w->conns == NULL || w->histogram == NULL) fail("setup");
}

static void watch(struct worker* w, int op, struct conn* c, uint32_t events) {
  struct epoll_event e = {.events = events, .data = {.ptr = c}};
  if (epoll_ctl(w->ep, op, c->fd, &e) != 0) fail("epoll_ctl");
}

static void start_connect(struct worker* w, struct conn* c) {
  c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (c->fd < 0) fail("socket");
  int one = 1;
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  if (connect(c->fd, (struct sockaddr*)&server, sizeof(server)) != 0 && errno != EINPROGRESS) fail("connect");
  c->state = CONNECTING;
  c->got = 0;
  c->since = now_ns();
  watch(w, EPOLL_CTL_ADD, c, EPOLLOUT);
}

/* A connecting socket became writable: 0 once connected, else the error. */
static int connected(struct conn* c) {
  int error = 0;
  socklen_t len = sizeof(error);
  if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &error, &len) != 0) return errno;
  return error;
}

static void send_message(struct conn* c) {
  ssize_t n = send(c->fd, message, SIZE, MSG_NOSIGNAL);
  /* 64 bytes always fit the send buffer of a connection with nothing in flight. */
  if (n != SIZE) fail("send");
  c->state = WAITING;
  c->got = 0;
  c->since = now_ns();
}

/* Reads what has come of the echo; 1 once all 64 bytes are in. */
static int read_echo(struct conn* c) {
  char buf[SIZE];
  ssize_t n = recv(c->fd, buf, SIZE - c->got, 0);
  if (n < 0 && errno == EAGAIN) return 0;
  if (n <= 0) {
    if (n == 0) errno = ECONNRESET;
    fail("recv (the server closed a connection)");
  }
  c->got += (int)n;
  return c->got == SIZE;
}

/* Connects the worker's connections, at most CONNECTING_AT_ONCE at a time.
 * Returns when all are connected. */
static void connect_all(struct worker* w) {
  struct epoll_event events[EVENTS];
  int started = 0, done = 0, pending = 0;
  int64_t deadline = now_ns() + SETUP_LIMIT_NS;
  while (done < w->count) {
    while (started < w->count && pending < CONNECTING_AT_ONCE) {
      start_connect(w, &w->conns[started++]);
      pending++;
    }
    int n = epoll_wait(w->ep, events, EVENTS, 100);
    if (n < 0 && errno != EINTR) fail("epoll_wait");
    if (now_ns() > deadline) {
      errno = ETIMEDOUT;
      fail("connecting");
    }
    for (int i = 0; i < n; i++) {
      struct conn* c = events[i].data.ptr;
      int error = connected(c);
      if (error != 0) {
        errno = error;
        fail("connect");
      }
      pending--;
      done++;
      watch(w, EPOLL_CTL_MOD, c, EPOLLIN);
      c->state = WAITING;
    }
  }
}

/* One echo thread: connects its connections, sends one message on each
 * and waits for every connection's first echo; then, once every thread's
 * connections have echoed (`go`), keeps a message in flight on each until
 * the window ends. Setting up without the ping-pong running leaves the
 * server free to accept: node:net, echoing 3,000 busy connections, took
 * its queued connections at 150 a second. */
static void* echo_worker(void* arg) {
  struct worker* w = arg;
  struct epoll_event events[EVENTS];
  connect_all(w);
  for (int i = 0; i < w->count; i++) send_message(&w->conns[i]);
  int going = 0;
  for (;;) {
    int n = epoll_wait(w->ep, events, EVENTS, 10);
    if (n < 0 && errno != EINTR) fail("epoll_wait");
    int64_t start = atomic_load(&window_start);
    int64_t end = atomic_load(&window_end);
    for (int i = 0; i < n; i++) {
      struct conn* c = events[i].data.ptr;
      if (!read_echo(c)) continue;
      int64_t t = now_ns();
      if (start != 0 && t >= start && t < end) record(w, t - c->since);
      if (!c->echoed) {
        c->echoed = 1;
        atomic_fetch_add(&ready, 1);
        if (!going) {
          c->state = PAUSED;
          continue;
        }
      }
      send_message(c);
    }
    if (!going && atomic_load(&go)) {
      going = 1;
      for (int i = 0; i < w->count; i++) {
        if (w->conns[i].state == PAUSED) send_message(&w->conns[i]);
      }
    }
    if (start != 0 && now_ns() >= end) return NULL;
  }
}

static void echo(int count, int threads, double seconds, double warmup, struct cpu_window* cpu) {
  struct worker workers[MAX_THREADS] = {0};
  for (int t = 0; t < threads; t++) {
    worker_init(&workers[t], count / threads + (t < count % threads ? 1 : 0));
    if (pthread_create(&workers[t].thread, NULL, echo_worker, &workers[t]) != 0) fail("pthread_create");
  }
  /* Every connection has one echo back: the server has accepted them all. */
  int64_t deadline = now_ns() + SETUP_LIMIT_NS;
  while (atomic_load(&ready) < count) {
    if (now_ns() > deadline) {
      errno = ETIMEDOUT;
      fail("waiting for every connection's first echo");
    }
    usleep(1000);
  }
  atomic_store(&go, 1);
  int64_t start = now_ns() + (int64_t)(warmup * 1e9);
  int64_t end = start + (int64_t)(seconds * 1e9);
  atomic_store(&window_end, end);
  atomic_store(&window_start, start);
  sleep_until(start);
  cpu_begin(cpu);
  sleep_until(end);
  cpu_end(cpu);
  for (int t = 0; t < threads; t++) pthread_join(workers[t].thread, NULL);
  merge(workers, threads);
  uint64_t messages = workers[0].samples;
  double per = (double)(messages ? messages : 1);
  printf("{\"mode\":\"echo\",\"conns\":%d,\"threads\":%d,\"seconds\":%.3f,\"messages\":%llu,\"rate\":%.1f,"
         "\"p50us\":%.0f,\"p99us\":%.0f,\"serverCpuUs\":%.3f,\"loadCpuUs\":%.3f}\n",
         count, threads, seconds, (unsigned long long)messages, messages / seconds, percentile(&workers[0], 0.5),
         percentile(&workers[0], 0.99), cpu->server / 1e3 / per, cpu->own / 1e3 / per);
}

static void accept_rate(int slots, double seconds, double warmup, struct cpu_window* cpu) {
  struct epoll_event events[EVENTS];
  struct worker w = {0};
  worker_init(&w, slots);
  uint64_t failed = 0;
  int64_t start = now_ns() + (int64_t)(warmup * 1e9);
  int64_t end = start + (int64_t)(seconds * 1e9);
  int measuring = 0;
  for (int i = 0; i < slots; i++) start_connect(&w, &w.conns[i]);
  for (;;) {
    int n = epoll_wait(w.ep, events, EVENTS, 10);
    if (n < 0 && errno != EINTR) fail("epoll_wait");
    int64_t t = now_ns();
    if (!measuring && t >= start) {
      measuring = 1;
      cpu_begin(cpu);
    }
    for (int i = 0; i < n; i++) {
      struct conn* c = events[i].data.ptr;
      if (c->state == CONNECTING) {
        int error = connected(c);
        if (error == ECONNREFUSED || error == ECONNRESET) {
          close(c->fd);
          failed++;
          start_connect(&w, c);
          continue;
        }
        if (error != 0) {
          errno = error;
          fail("connect");
        }
        watch(&w, EPOLL_CTL_MOD, c, EPOLLIN);
        int64_t began = c->since;
        send_message(c);
        c->since = began;
        continue;
      }
      if (c->state == WAITING) {
        if (!read_echo(c)) continue;
        c->state = DRAINING;
      }
      /* The echo is in: wait for the server's close, so that the TIME_WAIT
       * is the server's and this side's ports are free at once. */
      char byte;
      ssize_t r = recv(c->fd, &byte, 1, 0);
      if (r < 0 && errno == EAGAIN) continue;
      if (r > 0) {
        errno = EPROTO;
        fail("recv (more than the echo)");
      }
      close(c->fd);
      if (r < 0) {
        failed++;
      } else if (t >= start && t < end) {
        record(&w, t - c->since);
      }
      start_connect(&w, c);
    }
    if (t >= end) break;
  }
  cpu_end(cpu);
  double per = (double)(w.samples ? w.samples : 1);
  printf("{\"mode\":\"accept\",\"concurrency\":%d,\"seconds\":%.3f,\"connections\":%llu,\"rate\":%.1f,"
         "\"p50us\":%.0f,\"p99us\":%.0f,\"failed\":%llu,\"serverCpuUs\":%.3f,\"loadCpuUs\":%.3f}\n",
         slots, seconds, (unsigned long long)w.samples, w.samples / seconds, percentile(&w, 0.5), percentile(&w, 0.99),
         (unsigned long long)failed, cpu->server / 1e3 / per, cpu->own / 1e3 / per);
}

static void idle(int count) {
  struct worker w = {0};
  worker_init(&w, count);
  connect_all(&w);
  printf("{\"mode\":\"idle\",\"conns\":%d}\n", count);
  fflush(stdout);
  for (;;) pause();
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: loadgen echo|accept PORT N SECONDS WARMUP [SERVER_PID [THREADS]], or loadgen idle PORT N\n");
    return 2;
  }
  const char* mode = argv[1];
  int port = atoi(argv[2]);
  int count = atoi(argv[3]);
  int timed = strcmp(mode, "echo") == 0 || strcmp(mode, "accept") == 0;
  int threads = argc > 7 ? atoi(argv[7]) : 1;
  if (port <= 0 || port > 65535 || count <= 0 || (timed && argc < 6) || (!timed && strcmp(mode, "idle") != 0) ||
      threads < 1 || threads > MAX_THREADS || threads > count) {
    fprintf(stderr, "loadgen: bad arguments\n");
    return 2;
  }
  raise_fd_limit((rlim_t)count + 64);
  memset(message, 7, SIZE);
  memset(&server, 0, sizeof(server));
  server.sin_family = AF_INET;
  server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  server.sin_port = htons((unsigned short)port);
  if (strcmp(mode, "idle") == 0) idle(count);
  double seconds = atof(argv[4]);
  double warmup = atof(argv[5]);
  if (!(seconds > 0) || warmup < 0) {
    fprintf(stderr, "loadgen: bad duration\n");
    return 2;
  }
  struct cpu_window cpu = {.server_pid = argc > 6 ? atoi(argv[6]) : 0};
  if (strcmp(mode, "echo") == 0) {
    echo(count, threads, seconds, warmup, &cpu);
  } else {
    accept_rate(count, seconds, warmup, &cpu);
  }
  return 0;
}
