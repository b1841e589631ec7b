import { n } from '../../plan/decisions/_util.js';
import { assumed, cite, says, statedMax } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Above this many participants a full mesh makes every client upload one stream per peer. */
export const MESH_MAX_PARTICIPANTS = 4;
/** One 720p camera stream. */
const STREAM_MBPS = 1.5;
/** Video tiles a client shows at once (the SFU forwards only these, plus the active speaker). */
const VISIBLE_TILES = 9;
/** Share of participants whose network (symmetric NAT, UDP blocked) needs a TURN relay. */
const TURN_SHARE = 0.15;

interface CallNumbers {
  participants: Reading;
  concurrent: Reading;
  mixing: string | null;
}

/** Group audio/video calls over WebRTC: how media flows between participants. */
export const videoCalls: Capability<CallNumbers> = {
  id: 'video-calls',
  name: 'Group video calls (WebRTC)',
  evidence: {
    terms: [
      ['video call', 2], ['video calling', 2], ['video chat', 1.5], ['video conferenc*', 2], ['video meeting', 2], ['webrtc', 2], ['zoom', 1],
      ['google meet', 1.5], ['microsoft teams', 1], ['group call', 1.5], ['voice call', 1], ['audio call', 1], ['screen shar*', 0.8],
      ['participants', 0.4], ['meeting', 0.4], ['webinar', 0.8],
    ],
    operations: [/\b(?:call|meeting|join)\b/],
  },
  decision: {
    id: 'call-media-topology',
    title: 'Call media topology',
    question: 'How do the audio and video streams of a call travel between participants: mesh, SFU or MCU?',
    numbers(input) {
      const one = says(input, 'one[- ]on[- ]one', '1[:-]1', 'one[- ]to[- ]one', 'two-party');
      const participants =
        statedMax(
          input,
          String.raw`# (?:participants|people|attendees|users|members|callers) (?:per|in a|in each|in one|on a|on each) (?:call|meeting|room|conference|session)`,
          String.raw`(?:calls|meetings|rooms|conferences|sessions) (?:of|with) (?:up to |as many as |at most )?#`,
          String.raw`up to # (?:participants|people|attendees|callers)`,
          String.raw`# participants`,
        ) ?? (one ? { value: 2, source: 'stated', from: `"${one}"` } : assumed(input, 'capabilities.video-calls.participants', 'Participants per call', 8, 'participants', 'a typical small-group call; the brief does not say', '"meetings of up to 8 participants"'));
      const c = input.ctx.req.scale.concurrentUsers;
      const concurrent: Reading = { value: c.value, source: c.provenance.kind === 'stated' ? 'stated' : 'derived', from: 'concurrent users at peak' };
      return { participants, concurrent, mixing: says(input, 'dial-in', 'pstn', 'sip', 'phone in', 'legacy room systems?', 'low-end devices', 'composite recording', 'mixed recording') };
    },
    options: [
      {
        option: 'Mesh: every participant sends its stream to every other over peer-to-peer WebRTC',
        when: (x) =>
          x.participants.value <= MESH_MAX_PARTICIPANTS && !x.mixing
            ? { verdict: 'chosen', reason: `with ${n(x.participants.value)} participants each client uploads ${n(x.participants.value - 1)} stream(s) (${n((x.participants.value - 1) * STREAM_MBPS)} Mbps): no media servers to run` }
            : { verdict: 'rejected', reason: `with ${n(x.participants.value)} participants each client would upload ${n(x.participants.value - 1)} streams (${n((x.participants.value - 1) * STREAM_MBPS)} Mbps), beyond a home uplink` },
      },
      {
        option: 'SFU (selective forwarding unit, e.g. mediasoup, Janus, LiveKit) with simulcast: each client uploads once, the SFU forwards the layers each viewer can take',
        when: (x) =>
          x.participants.value > MESH_MAX_PARTICIPANTS && !x.mixing
            ? { verdict: 'chosen', reason: `above ${MESH_MAX_PARTICIPANTS} participants (here ${n(x.participants.value)}) each client uploads one stream and receives at most ${VISIBLE_TILES} tiles; the server forwards without decoding` }
            : { verdict: 'viable', reason: x.mixing ? `forwards cheaply, but "${x.mixing}" needs one mixed stream` : `not needed below ${MESH_MAX_PARTICIPANTS + 1} participants; the fallback when a call grows` },
      },
      {
        option: 'MCU (multipoint control unit): the server decodes every stream and sends each participant one mixed stream',
        when: (x) =>
          x.mixing
            ? { verdict: 'chosen', reason: `"${x.mixing}" needs a single composed stream; the MCU decodes and re-encodes per call` }
            : { verdict: 'rejected', reason: 'decoding and re-encoding every stream costs about a CPU core per participant and adds latency; clients here can take several streams' },
      },
    ],
    rationale: (x) => {
      const p = x.participants.value;
      const egress = x.concurrent.value * Math.min(Math.max(p - 1, 1), VISIBLE_TILES) * STREAM_MBPS;
      return (
        `Calls have ${cite(x.participants)} participants; ${cite(x.concurrent)} are in calls at peak. ` +
        `Through an SFU that is ${n(x.concurrent.value * STREAM_MBPS / 1000)} Gbps in and up to ${n(egress / 1000)} Gbps out at ${STREAM_MBPS} Mbps per stream, ` +
        `so media servers are sized by bandwidth and placed in the regions of the callers. STUN finds public addresses; about ${TURN_SHARE * 100}% of participants sit behind symmetric NATs or UDP-blocking firewalls and relay through TURN (coturn, TLS on 443): ` +
        `${n(x.concurrent.value * TURN_SHARE * STREAM_MBPS * 2 / 1000)} Gbps of relay. Signalling (offer/answer, ICE candidates) runs over WebSocket.`
      );
    },
    wouldChange: (x) =>
      x.mixing
        ? 'Without dial-in or composed output, forwarding (an SFU) would cost far less CPU than mixing.'
        : x.participants.value <= MESH_MAX_PARTICIPANTS
          ? `Calls of more than ${MESH_MAX_PARTICIPANTS} participants (now ${n(x.participants.value)}) call for an SFU; dial-in or composed recording calls for an MCU.`
          : `Calls of at most ${MESH_MAX_PARTICIPANTS} participants would favour a mesh (no media servers); dial-in or composed recording calls for an MCU; calls of hundreds of viewers cascade SFUs across regions.`,
    drivers: ['scale.concurrentUsers', 'workload.operations'],
    significant: true,
  },
};
