// The saving child of the crash-safety tests: loads the artifacts of `kind` at `a` and `b` (LMs,
// vectors, tagger models or search indexes that answer differently), prints "ready", then saves
// them over `dst` in turn (a, b, a, ...), printing "saved" after each, until it is killed. It imports only the
// module it needs from the built package (dist/), so it starts fast.
const [kind, srcA, srcB, dst] = process.argv.slice(2);
async function loader(src) {
  if (kind === 'lm') {
    const { NgramLM } = await import('../../dist/lm/model.js');
    const lm = NgramLM.load(src);
    return () => lm.save(dst);
  } else if (kind === 'vectors') {
    const { loadVectorsSync } = await import('../../dist/embeddings/keyed-vectors.js');
    const kv = loadVectorsSync(src);
    return () => kv.save(dst);
  } else if (kind === 'tagger') {
    const { loadTaggerModel, saveTaggerModel } = await import('../../dist/components/tagger/model-format.js');
    const model = loadTaggerModel(src);
    return () => saveTaggerModel(model, dst);
  } else if (kind === 'index') {
    await import('../../dist/components/register.js'); // the analyzers' tokenizer factories
    const { SearchIndex } = await import('../../dist/search/search-index.js');
    const ix = await SearchIndex.load(src);
    return () => ix.save(dst);
  } else throw new Error(`unknown kind ${kind}`);
}
const saves = [await loader(srcA), await loader(srcB)];
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await saves[i % 2]();
  process.stdout.write('saved\n');
}
