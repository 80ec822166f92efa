// The embedded server's document collection and its resource ids: not part of its public API.
import Documents from '@vercel/cosmosdb-server/lib/account/documents';
import ResourceId from '@vercel/cosmosdb-server/lib/account/resource-id';

const PATCHED = Symbol.for('lerend-werken.embedded-document-rids');

/** A document's rid: its collection's 8 bytes, then its own 8. */
const RID_BYTES = 16;

/**
 * The first 8 bytes of a document rid in this collection (its database and collection), as the
 * server's own `_rid` lays them out; undefined for a collection rid of another shape, which is
 * left to the server.
 */
function collectionBytes(collectionRid: string): Buffer | undefined {
  const rid = ResourceId.parse(collectionRid);
  rid.document = '1';
  const bytes = rid.getValue();
  return bytes.length === RID_BYTES ? Buffer.from(bytes.subarray(0, RID_BYTES - 8)) : undefined;
}

/**
 * Every create names its document with a new `_rid`: the collection's rid and the document's
 * number, 16 bytes in base64. The embedded server builds it by reading the number's 8 bytes as a
 * big integer, writing that as a decimal string, parsing the collection's rid again and writing
 * the string back into bytes: about half of a create's cost on the store's thread, on every
 * answer. The bytes are the same as those it started from (the number, little-endian, then the
 * document type's byte), so they are written directly here, after the collection's bytes, parsed
 * once per collection. Number 0 (which the server never hands out: it counts from 1) keeps the
 * server's own result, which leaves the document's bytes out. Only the embedded store (local
 * mode, tests, bench) uses it; tests/store/embedded-document-rids.test.ts compares both ways.
 */
export function speedUpDocumentRids(): void {
  const proto = Documents.prototype as Documents & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const serverRid = proto._rid; // eslint-disable-line @typescript-eslint/unbound-method
  const prefixes = new Map<string, Buffer | undefined>();
  proto._rid = function (this: Documents, id: number): string {
    const collectionRid = (this._parent.read() as { _rid?: unknown } | null)?._rid;
    if (id === 0 || typeof collectionRid !== 'string') return serverRid.call(this, id);
    if (!prefixes.has(collectionRid)) prefixes.set(collectionRid, collectionBytes(collectionRid));
    const prefix = prefixes.get(collectionRid);
    if (!prefix) return serverRid.call(this, id);
    const bytes = Buffer.alloc(RID_BYTES);
    prefix.copy(bytes, 0);
    // As the server writes the number: a 32-bit integer (it throws beyond, as the server's does).
    bytes.writeInt32LE(id, 8);
    bytes.writeInt8(ResourceId.DocumentByte << 4, RID_BYTES - 1);
    return bytes.toString('base64');
  };
}
