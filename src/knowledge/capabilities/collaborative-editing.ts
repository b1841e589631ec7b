import { n } from '../../plan/decisions/_util.js';
import { assumed, cite, says, statedMax } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Edit batches a typing editor sends per second (keystrokes coalesced every 500 ms). */
const BATCHES_PER_EDITOR = 2;

interface EditNumbers {
  editors: Reading;
  offline: string | null;
  peerToPeer: string | null;
  multiRegion: boolean;
}

/** Several people editing one document at once: how concurrent edits converge. */
export const collaborativeEditing: Capability<EditNumbers> = {
  id: 'collaborative-editing',
  name: 'Collaborative editing',
  evidence: {
    terms: [
      ['google docs', 2], ['collaborative edit*', 2], ['co-edit*', 1.5], ['real-time collaboration', 1.5], ['edit the same document', 2], ['edit a document together', 2],
      ['concurrent edits', 1.5], ['simultaneous edit*', 1.5], ['operational transform*', 2], ['crdt', 2], ['figma', 1.5], ['multiplayer edit*', 1.5],
      ['collaborat*', 0.5], ['document', 0.3], ['cursors', 0.6], ['same time', 0.3], ['notion', 0.8],
    ],
    operations: [/\b(?:edit|keystroke|change set|operation)\b/],
  },
  decision: {
    id: 'edit-convergence',
    title: 'Convergence of concurrent edits',
    question: 'How do concurrent edits to one document converge: operational transformation on a server, or CRDTs?',
    numbers(input) {
      const editors =
        statedMax(
          input,
          String.raw`# (?:concurrent |simultaneous )?(?:editors|users|people|collaborators) (?:per|on|in|editing) (?:a |the same |one |each )?(?:document|doc|file|board)`,
          String.raw`up to # (?:concurrent |simultaneous )?(?:editors|collaborators)`,
          String.raw`# (?:concurrent |simultaneous )(?:editors|collaborators)`,
        ) ?? assumed(input, 'capabilities.collaborative-editing.editors', 'Concurrent editors per document', 10, 'editors', 'a typical shared document; the brief does not say', '"up to 10 editors per document"');
      return {
        editors,
        offline: says(input, 'offline', 'without (?:a |an )?(?:connection|network|internet)', 'local-first'),
        peerToPeer: says(input, 'peer-to-peer', 'p2p', 'no central server', 'serverless sync'),
        multiRegion: input.ctx.req.geography.multiRegion,
      };
    },
    options: [
      {
        option: 'Operational transformation on a server that orders each document\'s operations (one session owner per document)',
        when: (x) =>
          x.offline || x.peerToPeer
            ? { verdict: 'rejected', reason: `OT needs the server to order every operation, and the brief asks for "${x.offline ?? x.peerToPeer}"` }
            : x.multiRegion
              ? { verdict: 'viable', reason: 'works, but every edit crosses to the region that owns the document' }
              : { verdict: 'chosen', reason: `online editing through one server: the session owner orders ${n(x.editors.value * BATCHES_PER_EDITOR)} operations per second per document and transforms them, with compact history and exact intent for rich text` },
      },
      {
        option: 'CRDT (Yjs or Automerge): every replica merges edits in any order; the server relays and persists updates',
        when: (x) =>
          x.offline || x.peerToPeer || x.multiRegion
            ? { verdict: 'chosen', reason: `"${x.offline ?? x.peerToPeer ?? 'several regions'}": replicas must accept edits without the server and merge later, which CRDTs guarantee` }
            : { verdict: 'viable', reason: 'converges without a central order, at the cost of per-character metadata and tombstones to compact' },
      },
      {
        option: 'Locking (one editor at a time per document or section)',
        when: (x) => ({ verdict: 'rejected', reason: `${n(x.editors.value)} people editing at once would wait for each other` }),
      },
    ],
    rationale: (x) =>
      `Up to ${cite(x.editors)} people edit one document at once, about ${n(x.editors.value * BATCHES_PER_EDITOR)} edit batches per second per document at ${BATCHES_PER_EDITOR} per editor; ` +
      `${x.offline ? 'edits made offline must merge on reconnect' : 'editing is online'}${x.multiRegion ? ' across several regions' : ''}. ` +
      `Each document's session lives on one collaboration node (consistent hashing on the document id) that fans edits and cursors out over WebSocket; the document is snapshotted every few hundred operations and the operation log kept for history and replay.`,
    wouldChange: (x) =>
      x.offline || x.peerToPeer || x.multiRegion
        ? 'Online-only editing through one server in one region would favour operational transformation (compact history, exact rich-text intent).'
        : 'Offline editing, peer-to-peer sync or several writing regions call for CRDTs.',
    drivers: ['geography.multiRegion', 'functional'],
    significant: true,
  },
};
