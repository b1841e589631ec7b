import type { Finding } from '../../../model/finding.js';
import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import type { PathKey, Source } from '../../manifest/model.js';
import { everyContainer, parseImage } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'image-tag',
  severity: 'warning',
  summary: 'Pin images to a version tag (better: a digest), never latest or no tag.',
  references: ['Kubernetes docs: Images (image names, updating images)'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out: Finding[] = [];
    const check = (image: unknown, src: Source, path: PathKey[], owner: string): void => {
      if (typeof image !== 'string' || image.includes('${') || image.includes('$(')) return;
      const { repository, tag, digest } = parseImage(image.trim());
      if (digest || (tag !== null && tag !== 'latest')) return;
      const problem = tag === null ? 'has no tag, so it means :latest' : 'uses the :latest tag';
      out.push(
        report(
          meta,
          src,
          path,
          `image ${image} of ${owner} ${problem}: the tag moves, so nodes that pull at different times run different code under the same manifest, a rollback cannot return to what ran before, and what is deployed cannot be read from the repository.`,
          {
            evidence: { image, owner },
            fix: yamlFix('pin an immutable version tag, and for full reproducibility the digest it resolves to', `image: ${repository}:<version>@sha256:<digest>`),
          },
        ),
      );
    };
    for (const { object, ref } of everyContainer(review.objects)) {
      check(ref.container['image'], object.src, [...ref.path, 'image'], `container ${ref.name} of ${objectLabel(object)}`);
    }
    for (const svc of review.services) {
      check(svc.value['image'], svc.src, [...svc.base, 'image'], `Compose service ${svc.name}`);
    }
    return out;
  },
};
