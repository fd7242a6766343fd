/**
 * @sigstore/core 4.0.1 reads an ASN.1 GeneralizedTime only with no fraction of a second or exactly
 * three digits of one (asn1/parse.js, RE_TIME_LONG_YEAR), and refuses anything else as "invalid time".
 * DER writes the fraction without its trailing zeros (X.690 11.7.3: `…12.12Z`, `…12.5Z`), and RFC 3161
 * lets a TSA give genTime any precision: a timestamp from such a TSA (@sigstore/mock's is one) failed
 * verification about one time in five, so a valid signature did not count and the chart was signed
 * again. The report for sigstore/sigstore-js is in docs/upstream.md; until it is fixed, a
 * GeneralizedTime with 1 to 9 fraction digits is read here as @sigstore/core reads one with three: to
 * the whole second. Anything else is still refused as before.
 */
const FRACTION = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{1,9})Z$/;

let done: Promise<void> | undefined;

/** Teaches @sigstore/core's ASN1Obj to read DER's trimmed fractions (once; before any verification). */
export function acceptDerTimeFractions(): Promise<void> {
  return (done ??= import('@sigstore/core').then(({ ASN1Obj }) => {
    type Obj = { tag: { isGeneralizedTime(): boolean }; value: Buffer };
    const proto = ASN1Obj.prototype as unknown as { toDate(this: Obj): Date };
    const toDate = proto.toDate;
    proto.toDate = function (this: Obj): Date {
      try {
        return toDate.call(this);
      } catch (err) {
        const m = this.tag.isGeneralizedTime() ? FRACTION.exec(this.value.toString('ascii')) : null;
        if (!m) throw err;
        return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
      }
    };
  }));
}
