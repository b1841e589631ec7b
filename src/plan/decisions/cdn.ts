import type { DecisionModule } from '../context.js';
import { n, options, quote } from './_util.js';

/** A CDN for media and cacheable content, not for per-user API responses. */
export const cdn: DecisionModule = {
  id: 'cdn',
  title: 'CDN',
  question: 'Does a CDN sit in front of the content?',
  decide(ctx) {
    const t = ctx.archetype.traits;
    const media = ctx.req.scale.blobBytes.value > 0 && ctx.req.scale.blobsPerUserPerDay.value > 0;
    const use = t.cdn || media;
    const name = { aws: 'Amazon CloudFront', gcp: 'Cloud CDN', azure: 'Azure Front Door', any: 'a CDN (CloudFront, Cloudflare, Fastly)' }[ctx.req.cloud.value];
    return {
      considered: options([
        [name, use ? 'chosen' : 'rejected', use ? 'serves media and public content from the edge; absorbs read spikes and cuts egress cost' : 'API responses are per-user and uncacheable; static web assets are the client team\'s concern'],
        ['No CDN', use ? 'rejected' : 'chosen', use ? 'every download would cross the origin and pay full egress' : 'nothing cacheable at the edge'],
      ]),
      chosen: use ? name : 'No CDN for the API',
      rationale: use
        ? `${t.cdn ? 'Most reads are of the same public content' : 'Users download media'}; at ${n(ctx.load.peakReads)} reads/s at peak the edge serves repeats without touching the origin.`
        : 'The API returns per-user data that cannot be cached at the edge.',
      wouldChange: use ? 'Private, per-user content only would remove the benefit.' : 'Public or media content would make a CDN worthwhile.',
      drivers: ['archetype.traits.cdn', 'scale.blobBytes'],
      significant: false,
      quotes: use ? [quote('peak-read-rps', ctx.load.peakReads)] : [],
      thresholds: [],
    };
  },
};
