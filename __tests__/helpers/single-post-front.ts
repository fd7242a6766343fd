import { startFaultyFront, type FaultyFront } from './faulty-front.js';

/**
 * A front that gives a registry the distribution spec's single-request upload, which distribution 2.8
 * lacks: `POST /v2/<name>/blobs/uploads/?digest=<d>` with the blob as its body answers 201 Created.
 * Behind it, the front runs the two-step upload on the real registry; everything else passes through.
 */
export async function startSinglePostFront(upstream: string): Promise<FaultyFront> {
  return startFaultyFront(upstream, {
    decide: () => undefined,
    intercept: async (req, res) => {
      const url = new URL(req.url, upstream);
      const digest = url.searchParams.get('digest');
      if (req.method !== 'POST' || !url.pathname.endsWith('/blobs/uploads/') || !digest || req.body.length === 0) return false;
      const auth: Record<string, string> = req.headers.authorization ? { authorization: req.headers.authorization } : {};
      const started = await fetch(`${upstream}${url.pathname}`, { method: 'POST', headers: auth });
      await started.arrayBuffer();
      const location = new URL(started.headers.get('location') ?? '', upstream);
      location.searchParams.set('digest', digest);
      const put = await fetch(location, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: req.body,
      });
      await put.arrayBuffer();
      const name = url.pathname.slice('/v2/'.length, -'/blobs/uploads/'.length);
      res.writeHead(put.status, { location: `/v2/${name}/blobs/${digest}`, 'docker-content-digest': digest, 'content-length': '0' }).end();
      return true;
    },
  });
}
