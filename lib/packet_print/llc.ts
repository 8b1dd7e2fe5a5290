// IEEE 802.2 LLC and SNAP headers (802.3 frames, whose type field is a
// length), as tcpdump 4.99's llc_print and snap_print print them without
// -v. IP over LLC and SNAP-encapsulated EtherTypes are decoded; STP, CDP,
// IPX (raw 802.3 too), OSI and NetBEUI, which tcpdump decodes, are not:
// they print as an LLC frame of unknown SAPs does, with a hex dump.

import { hex2, hex4 } from './address_format';
import { type Dissection } from './dissection';
import { defaultPrint } from './hex_dump';
import { printIPv4 } from './ip';
import { ethertypeName, printEthernet, printEthertype } from './link_layer';

/** Where the Ethernet header's addresses are, for the lines that show them. */
export interface LinkAddresses {
  source: number;
  destination: number;
}

/** Service access points (IEEE 802 numbers) and tcpdump's names for them. */
const SAP = Object.freeze({ IP: 0x06, SNAP: 0xaa });
const SAP_NAMES = new Map<number, string>([
  [0x00, 'Null'], [0xff, 'Global'], [0x02, '802.1B I'], [0x03, '802.1B G'], [0x06, 'IP'], [0x04, 'SNA'],
  [0x0e, 'ProWay NM'], [0x42, 'STP'], [0x4e, 'RS511'], [0x7e, 'ISO8208'], [0x8e, 'ProWay'], [0xaa, 'SNAP'],
  [0xe0, 'IPX'], [0xf0, 'NetBeui'], [0xfe, 'OSI'],
]);

/** LLC control field values and bits. */
const LLC_UI = 0x03;
const LLC_XID = 0xaf;
const LLC_U_POLL = 0x10;
const LLC_XID_FORMAT = 0x81;
const COMMAND_NAMES = new Map<number, string>([
  [0x03, 'ui'], [0xe3, 'test'], [0xaf, 'xid'], [0x63, 'ua'], [0x43, 'disc'], [0x0f, 'dm'], [0x6f, 'sabme'],
  [0x87, 'frmr'],
]);
const FLAG_NAMES = new Map<number, string>([
  [0, 'Command'], [1, 'Response'], [0x10, 'Poll'], [0x11, 'Final'], [0x100, 'Poll'], [0x101, 'Final'],
]);
const SUPERVISORY_NAMES = ['Receiver Ready', 'Receiver not Ready', 'Reject'];

/** Organizationally unique identifiers tcpdump names in SNAP headers. */
const OUI = Object.freeze({ ETHER: 0x000000, CISCO: 0x00000c, CISCO_90: 0x0000f8, RFC2684: 0x0080c2, APPLETALK: 0x080007 });
const OUI_NAMES = new Map<number, string>([
  [0x000000, 'Ethernet'], [0x00000c, 'Cisco'], [0x00005e, 'IANA'], [0x000081, 'Nortel Networks SONMP'],
  [0x0000f8, 'Cisco bridged'], [0x0080c2, 'Ethernet bridged'], [0x00a03e, 'ATM Forum'],
  [0x00e02f, 'DOCSIS Spanning Tree'], [0x080007, 'Appletalk'], [0x009069, 'Juniper'], [0x080009, 'Hewlett-Packard'],
  [0x00120f, 'IEEE 802.3 Private'], [0x0012bb, 'ANSI/TIA'], [0x001b21, 'DCBX'], [0x002320, 'Nicira Networks'],
  [0x5c16c7, 'Big Switch Networks'], [0xb0d2f5, 'Vello Systems'], [0x002481, 'HP'], [0x0004ea, 'HP-Labs'],
  [0x748771, 'Infoblox Inc'], [0xa42305, 'Open Networking Lab'], [0x00049f, 'Freescale'], [0x0015ad, 'Netronome'],
  [0x001018, 'Broadcom'], [0x00e004, 'PMC-Sierra'], [0xd0f0db, 'Ericsson'],
]);
const CISCO_PIDS = new Map<number, string>([
  [0x2000, 'CDP'], [0x2003, 'VTP'], [0x2004, 'DTP'], [0x0111, 'UDLD'], [0x010b, 'PVST'], [0x010c, 'VLAN Bridge'],
]);
const BRIDGED_PIDS = new Map<number, string>([
  [0x0001, 'Ethernet + FCS'], [0x0007, 'Ethernet w/o FCS'], [0x0002, '802.4 + FCS'], [0x0008, '802.4 w/o FCS'],
  [0x0003, 'Token Ring + FCS'], [0x0009, 'Token Ring w/o FCS'], [0x0004, 'FDDI + FCS'], [0x000a, 'FDDI w/o FCS'],
  [0x0005, '802.6 + FCS'], [0x000b, '802.6 w/o FCS'], [0x000e, 'BPDU'],
]);

/** The name of a SNAP protocol id under `oui`, as tcpdump's oui_to_struct_tok finds it. */
function pidName(oui: number, pid: number): string {
  if (oui === OUI.ETHER || oui === OUI.CISCO_90 || oui === OUI.APPLETALK) return ethertypeName(pid);
  if (oui === OUI.CISCO) return CISCO_PIDS.get(pid) ?? 'Unknown';
  if (oui === OUI.RFC2684) return BRIDGED_PIDS.get(pid) ?? 'Unknown';
  return 'Unknown';
}

const hex6 = (value: number): string => value.toString(16).padStart(6, '0');

/**
 * A SNAP header at `at` (tcpdump's snap_print): nonzero if the payload was
 * printed, 0 if the caller should dump it.
 */
function printSnap(d: Dissection, at: number, length: number, caplen: number, addresses?: LinkAddresses): number {
  d.protocol = 'snap';
  if (!d.has(at, 5) || caplen < 5 || length < 5) {
    d.printTrunc();
    return 1;
  }
  const oui = d.be24(at);
  const pid = d.be16(at + 3);
  if (d.linkHeader) {
    d.print(`oui ${OUI_NAMES.get(oui) ?? 'Unknown'} (0x${hex6(oui)}), ${oui === 0 ? 'ethertype' : 'pid'} `
      + `${pidName(oui, pid)} (0x${hex4(pid)}), length ${length - 5}: `);
  }
  const p = at + 5;
  if ((oui === OUI.ETHER || oui === OUI.CISCO_90) && printEthertype(d, pid, p, length - 5, caplen - 5)) return 1;
  // RFC 2684 bridged Ethernet, after two bytes of padding.
  if (oui === OUI.RFC2684 && (pid === 0x0001 || pid === 0x0007)) {
    if (!d.has(p, 2)) {
      d.printTrunc();
      return 1;
    }
    if (d.nest()) {
      printEthernet(d, p + 2, length - 7, caplen - 7);
      d.unnest();
    }
    return 1;
  }
  if (!d.linkHeader) {
    if (addresses !== undefined) d.print(`${d.mac(addresses.source)} > ${d.mac(addresses.destination)} `);
    d.print(oui === 0
      ? `SNAP, ethertype ${ethertypeName(pid)} (0x${hex4(pid)}), length ${length - 5}: `
      : `SNAP, oui ${OUI_NAMES.get(oui) ?? 'Unknown'} (0x${hex6(oui)}), pid ${pidName(oui, pid)} (0x${hex4(pid)}), `
        + `length ${length - 5}: `);
  }
  return 0;
}

/**
 * Prints the LLC frame at `at` (tcpdump's llc_print): returns the length of
 * the LLC (and SNAP) header, negative if the caller should dump the payload.
 */
export function printLlc(d: Dissection, at: number, length: number, caplen: number, addresses?: LinkAddresses): number {
  d.protocol = 'llc';
  const short = (captured: boolean): number => {
    d.printTrunc();
    defaultPrint(d, at, caplen);
    return captured ? caplen : length;
  };
  if (caplen < 3) return short(true);
  if (length < 3) return short(false);
  const dsapField = d.u8(at);
  const ssapField = d.u8(at + 1);
  let control = d.u8(at + 2);
  const unnumbered = (control & 3) === 3;
  let headerLength = 3;
  if (!unnumbered) {
    if (caplen < 4) return short(true);
    if (length < 4) return short(false);
    // Information and supervisory frames have a 2-byte, little-endian control field.
    control = d.le16(at + 2);
    headerLength = 4;
  }
  const dsap = dsapField & ~1;
  const ssap = ssapField & ~1;
  const sapName = (sap: number): string => SAP_NAMES.get(sap) ?? 'Unknown';
  if (d.linkHeader) {
    d.print(`LLC, dsap ${sapName(dsap)} (0x${hex2(dsap)}) ${dsapField & 1 ? 'Group' : 'Individual'}, `
      + `ssap ${sapName(ssap)} (0x${hex2(ssap)}) ${ssapField & 1 ? 'Response' : 'Command'}`);
    d.print(unnumbered ? `, ctrl 0x${hex2(control)}: ` : `, ctrl 0x${hex4(control)}: `);
  }
  const p = at + headerLength;
  const payloadLength = length - headerLength;
  const payloadCaptured = caplen - headerLength;
  if (ssap === SAP.SNAP && dsap === SAP.SNAP && control === LLC_UI) {
    return printSnap(d, p, payloadLength, payloadCaptured, addresses) ? headerLength + 5 : -(headerLength + 5);
  }
  if (ssap === SAP.IP && dsap === SAP.IP && control === LLC_UI) {
    printIPv4(d, p, payloadLength);
    return headerLength;
  }
  if (!d.linkHeader) {
    const source = addresses !== undefined ? `${d.mac(addresses.source)} ` : '';
    const destination = addresses !== undefined ? `${d.mac(addresses.destination)} ` : '';
    if (ssap === dsap) {
      const name = SAP_NAMES.get(dsap) ?? `Unknown DSAP 0x${hex2(dsap)}`;
      d.print(addresses !== undefined ? `${source.trimEnd()} > ${destination}${name} ` : `${name} `);
    } else {
      d.print(`${source}${SAP_NAMES.get(ssap) ?? `Unknown SSAP 0x${hex2(ssap)}`} > `
        + `${destination}${SAP_NAMES.get(dsap) ?? `Unknown DSAP 0x${hex2(dsap)}`} `);
    }
  }
  if (unnumbered) {
    const command = control & 0xef;
    d.print(`Unnumbered, ${COMMAND_NAMES.get(command) ?? hex2(command)}, `
      + `Flags [${FLAG_NAMES.get((ssapField & 1) | (control & LLC_U_POLL)) ?? '?'}], length ${length}`);
    if ((control & ~LLC_U_POLL) === LLC_XID) {
      if (payloadLength === 0) return headerLength;
      if (payloadCaptured < 1) {
        d.printTrunc();
        return headerLength;
      }
      if (d.u8(p) === LLC_XID_FORMAT) {
        if (payloadCaptured < 3 || payloadLength < 3) {
          d.printTrunc();
          if (payloadCaptured > 0) defaultPrint(d, p, payloadCaptured);
        } else {
          d.print(`: ${hex2(d.u8(p + 1))} ${hex2(d.u8(p + 2))}`);
        }
        return headerLength;
      }
    }
    return -headerLength;
  }
  const flags = FLAG_NAMES.get((ssapField & 1) | (control & 0x0100)) ?? '?';
  const received = (control >> 9) & 0x7f;
  if ((control & 1) === 1) {
    d.print(`Supervisory, ${SUPERVISORY_NAMES[(control >> 2) & 3] ?? '?'}, rcv seq ${received}, Flags [${flags}], `
      + `length ${length}`);
    return headerLength;
  }
  d.print(`Information, send seq ${(control >> 1) & 0x7f}, rcv seq ${received}, Flags [${flags}], length ${length}`);
  return -headerLength;
}
