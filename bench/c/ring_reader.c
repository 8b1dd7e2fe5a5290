// The capture benchmark's C baseline: a TPACKET_V3 receive ring on one
// interface, the way libpcap and afpacket read one (PACKET_VERSION,
// PACKET_RX_RING, mmap, poll, walk each retired block, hand it back).
//   ring_reader IFACE BLOCK_SIZE BLOCK_COUNT TIMEOUT_MS
// Prints "ready" once the ring is up; on SIGINT/SIGTERM prints
// {"frames":N,"drops":D} (drops from PACKET_STATISTICS) and exits.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile sig_atomic_t stop;
static volatile uint8_t sink;  // the first byte of each frame, so each is read
static void on_signal(int sig) { (void)sig; stop = 1; }

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: ring_reader IFACE BLOCK_SIZE BLOCK_COUNT TIMEOUT_MS\n");
    return 2;
  }
  unsigned ifindex = if_nametoindex(argv[1]);
  struct tpacket_req3 req = {
      .tp_block_size = (unsigned)atoi(argv[2]),
      .tp_block_nr = (unsigned)atoi(argv[3]),
      .tp_frame_size = 2048,
      .tp_retire_blk_tov = (unsigned)atoi(argv[4]),
  };
  req.tp_frame_nr = req.tp_block_size / req.tp_frame_size * req.tp_block_nr;
  int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
  int version = TPACKET_V3;
  if (fd < 0 || ifindex == 0 || setsockopt(fd, SOL_PACKET, PACKET_VERSION, &version, sizeof version) < 0 ||
      setsockopt(fd, SOL_PACKET, PACKET_RX_RING, &req, sizeof req) < 0) {
    perror("ring_reader setup");
    return 1;
  }
  size_t size = (size_t)req.tp_block_size * req.tp_block_nr;
  uint8_t *ring = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_LOCKED, fd, 0);
  struct sockaddr_ll at = {.sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL), .sll_ifindex = (int)ifindex};
  if (ring == MAP_FAILED || bind(fd, (struct sockaddr *)&at, sizeof at) < 0) {
    perror("ring_reader mmap/bind");
    return 1;
  }
  struct sigaction sa = {.sa_handler = on_signal};
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  printf("ready\n");
  fflush(stdout);
  unsigned long frames = 0;
  unsigned block = 0;
  struct pollfd pfd = {.fd = fd, .events = POLLIN | POLLERR};
  while (!stop) {
    struct tpacket_block_desc *desc = (void *)(ring + (size_t)block * req.tp_block_size);
    if (!(__atomic_load_n(&desc->hdr.bh1.block_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER)) {
      poll(&pfd, 1, 100);
      continue;
    }
    // Count the frames as a reader would touch them: walk every header.
    struct tpacket3_hdr *frame = (void *)((uint8_t *)desc + desc->hdr.bh1.offset_to_first_pkt);
    for (unsigned i = 0; i < desc->hdr.bh1.num_pkts; i++) {
      sink ^= ((uint8_t *)frame)[frame->tp_mac];
      frames++;
      frame = (void *)((uint8_t *)frame + frame->tp_next_offset);
    }
    __atomic_store_n(&desc->hdr.bh1.block_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
    block = (block + 1) % req.tp_block_nr;
  }
  struct tpacket_stats_v3 stats;
  socklen_t len = sizeof stats;
  getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &stats, &len);
  printf("{\"frames\":%lu,\"drops\":%u}\n", frames, stats.tp_drops);
  munmap(ring, size);
  close(fd);
  return 0;
}
