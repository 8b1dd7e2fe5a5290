// The capture benchmark's sender: floods 64-byte Ethernet frames out of one
// interface with sendmmsg(2) on an AF_PACKET socket, paced to a rate.
//   frame_flood IFACE RATE COUNT
// Each frame: broadcast destination, EtherType 0x88b5 (IEEE local
// experimental, so no protocol handler consumes it), then a 32-bit sequence
// number. Prints {"sent":N,"seconds":S} once done: the rate it really held.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define FRAME 64
#define BATCH 64

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: frame_flood IFACE RATE COUNT\n");
    return 2;
  }
  unsigned ifindex = if_nametoindex(argv[1]);
  double rate = atof(argv[2]);
  long count = atol(argv[3]);
  if (ifindex == 0 || rate <= 0 || count <= 0) {
    fprintf(stderr, "frame_flood: bad interface, rate or count\n");
    return 2;
  }
  int fd = socket(AF_PACKET, SOCK_RAW, 0);  // protocol 0: send only, receive nothing
  if (fd < 0) {
    perror("socket");
    return 1;
  }
  struct sockaddr_ll to = {.sll_family = AF_PACKET, .sll_ifindex = (int)ifindex, .sll_halen = 6};
  memset(to.sll_addr, 0xff, 6);
  static uint8_t frames[BATCH][FRAME];
  static struct iovec iov[BATCH];
  static struct mmsghdr msgs[BATCH];
  for (int i = 0; i < BATCH; i++) {
    memset(frames[i], 0xff, 6);
    memset(frames[i] + 6, 0, 6);
    frames[i][6] = 0x02;  // a locally administered source address
    frames[i][12] = 0x88;
    frames[i][13] = 0xb5;
    iov[i] = (struct iovec){frames[i], FRAME};
    msgs[i].msg_hdr = (struct msghdr){.msg_name = &to, .msg_namelen = sizeof to, .msg_iov = &iov[i], .msg_iovlen = 1};
  }
  long sent = 0;
  double start = now();
  while (sent < count) {
    int n = count - sent < BATCH ? (int)(count - sent) : BATCH;
    for (int i = 0; i < n; i++) {
      uint32_t seq = htonl((uint32_t)(sent + i));
      memcpy(frames[i] + 14, &seq, 4);
    }
    int done = sendmmsg(fd, msgs, n, 0);
    if (done < 0) {
      // ENOBUFS: the device queue is full for a moment; try again.
      continue;
    }
    sent += done;
    // Pace: sleep until the time the next batch is due, if ahead of it.
    double due = start + sent / rate;
    double ahead = due - now();
    if (ahead > 0) {
      struct timespec t = {(time_t)ahead, (long)((ahead - (time_t)ahead) * 1e9)};
      nanosleep(&t, NULL);
    }
  }
  printf("{\"sent\":%ld,\"seconds\":%.6f}\n", sent, now() - start);
  close(fd);
  return 0;
}
