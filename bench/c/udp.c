/* The C baseline for UDP: 64-byte datagrams in windows of W, the receiver
 * acknowledging each window with one datagram, so that nothing is dropped and
 * the figure is the cost per datagram, not the loss rate.
 *   udp server [batch]          prints its port; receives, acks each window; ends on a 1-byte datagram
 *   udp client PORT N [batch]   sends N datagrams, prints nanoseconds per datagram
 * "batch" uses sendmmsg/recvmmsg, W messages per call. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SIZE 64
#define W 64

static char slab[W][SIZE];
static struct mmsghdr msgs[W];
static struct iovec iovs[W];

static void setup(void) {
  for (int i = 0; i < W; i++) {
    iovs[i].iov_base = slab[i];
    iovs[i].iov_len = SIZE;
    msgs[i].msg_hdr.msg_iov = &iovs[i];
    msgs[i].msg_hdr.msg_iovlen = 1;
  }
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  setup();
  memset(slab, 7, sizeof(slab));
  struct sockaddr_in addr, peer;
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  int rcvbuf = 4 << 20;
  setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
  if (bind(s, (struct sockaddr*)&addr, sizeof(addr))) return 1;
  if (strcmp(argv[1], "server") == 0) {
    int batch = argc > 2 && strcmp(argv[2], "batch") == 0;
    socklen_t len = sizeof(addr);
    getsockname(s, (struct sockaddr*)&addr, &len);
    printf("%d\n", ntohs(addr.sin_port));
    fflush(stdout);
    int in_window = 0, connected = 0;
    for (;;) {
      int n;
      if (batch) {
        msgs[0].msg_hdr.msg_name = &peer;
        msgs[0].msg_hdr.msg_namelen = sizeof(peer);
        /* MSG_WAITFORONE: without it a blocking recvmmsg waits for all W. */
        n = recvmmsg(s, msgs, W, MSG_WAITFORONE, NULL);
        if (n > 0 && msgs[n - 1].msg_len == 1) break;
        if (n > 0 && !connected) connected = connect(s, (struct sockaddr*)&peer, msgs[0].msg_hdr.msg_namelen) == 0;
      } else {
        socklen_t plen = sizeof(peer);
        ssize_t r = recvfrom(s, slab[0], SIZE, 0, (struct sockaddr*)&peer, &plen);
        if (r == 1) break;
        if (r > 0 && !connected) connected = connect(s, (struct sockaddr*)&peer, plen) == 0;
        n = r > 0 ? 1 : 0;
      }
      in_window += n;
      if (in_window >= W) {
        in_window = 0;
        send(s, "k", 1, 0);
      }
    }
    return 0;
  }
  if (argc < 4) return 2;
  addr.sin_port = htons((unsigned short)atoi(argv[2]));
  long total = atol(argv[3]);
  int batch = argc > 4 && strcmp(argv[4], "batch") == 0;
  if (connect(s, (struct sockaddr*)&addr, sizeof(addr))) return 1;
  char ack[8];
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (long sent = 0; sent < total; sent += W) {
    if (batch) {
      int done = 0;
      while (done < W) {
        int n = sendmmsg(s, msgs + done, W - done, 0);
        if (n <= 0) return 1;
        done += n;
      }
    } else {
      for (int i = 0; i < W; i++) send(s, slab[i], SIZE, 0);
    }
    recv(s, ack, sizeof(ack), 0);
  }
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("%.1f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / total);
  send(s, "x", 1, 0);
  close(s);
  return 0;
}
