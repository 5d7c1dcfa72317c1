/**
 * textloom: the public entry point. Everything a user imports comes from here.
 * @packageDocumentation
 */
import './components/register.js';
import { installTokenizerWarmUp } from './tokenizer/warmup.js';

export * from './core/index.js';
export { Pipeline, createPipeline, makeCallable, DEFAULT_WORKER_MEMORY_MB } from './pipeline/pipeline.js';
export type { Nlp, PipeOptions, StartWorkersOptions, CreateOptions } from './pipeline/pipeline.js';
export { load, resolvePipelinePath, PACKAGE_ROOT, PIPELINES_DIR } from './pipeline/load.js';
export type { PipelineConfig, ComponentConfig } from './pipeline/config.js';
export type { Component, ComponentFactory, TokenizerFactory, TokenizerLike, OptionSpec, FactoryContext } from './pipeline/component.js';
export { registerComponent, registerTokenizer, registeredComponents, registeredTokenizers, getComponentFactory, getTokenizerFactory } from './pipeline/registry.js';
export { WhitespaceTokenizer } from './tokenizer/whitespace.js';
export { readLines, readNumberedLines, openInput } from './io/lines.js';
export { readJsonl } from './io/jsonl.js';
export { writeFileAtomic, writeFileAtomicSync } from './io/atomic.js';
export { BinaryFileError, BinaryWriter, BinaryReader, readBinary, sniffBinary } from './io/binfmt.js';
export type { BinaryExpect, SectionOptions } from './io/binfmt.js';
export { Rng } from './util/rng.js';
export { TopK } from './util/heap.js';
export { readConllu, parseConllu, formatConllu, writeConllu, surfaceTokens, hasNoSpaceAfter } from './io/conllu.js';
export type { ConlluSentence, ConlluWord, ConlluMultiword, ConlluEmptyNode, ConlluSurfaceToken } from './io/conllu.js';
export { goldDocuments } from './io/conllu-docs.js';
export { ConlluRepairs, CONLLU_REPAIR_KINDS } from './io/conllu-validate.js';
export type { ConlluReadOptions, ConlluRepairKind } from './io/conllu-validate.js';
export type { GoldDocument } from './io/conllu-docs.js';
export { countSentenceBoundaries } from './eval/sentences.js';
export { prf } from './eval/prf.js';
export type { PRF } from './eval/prf.js';
export { Senter, SENTER_DEFAULTS } from './components/senter.js';
export type { SenterOptions } from './components/senter.js';
// --- tokenizer ---
export { Tokenizer, TOKENIZER_DEFAULTS, mergeRules } from './tokenizer/tokenizer.js';
export type { TokenizerOptions } from './tokenizer/tokenizer.js';
export { EN_RULES, EN_SPECIAL_CASES, EN_ABBREVIATIONS, EN_HYPHEN_PREFIXES, EN_HYPHEN_SUFFIXES, EN_UNITS, EN_EMOTICONS } from './lang/en/tokenizer.js';
export type { TokenizerRules, EncliticRules } from './tokenizer/rules.js';
export { detokenize, DETOKENIZE_DEFAULTS } from './tokenizer/detokenize.js';
export type { DetokenizeOptions } from './tokenizer/detokenize.js';
export { evaluateTokenization, goldSpans, alignTokens, matchSpans, docTokenSpans } from './eval/tokenization.js';
export type { SpanCounts, TokenizationScore, SpanSource } from './eval/tokenization.js';

// --- vectorize ---
export { CsrMatrix } from './vectorize/csr.js';
export type { DType, FloatArray, SparseRow } from './vectorize/csr.js';
export { analyze, buildAnalyzer, ANALYZER_DEFAULTS as VECTORIZER_ANALYZER_DEFAULTS } from './vectorize/analyzer.js';
export type { AnalyzerOptions as VectorizerAnalyzerOptions, AnalyzerKind, AnalyzerFn, DocMaker, CompiledAnalyzer, TermSink } from './vectorize/analyzer.js';
export { SKLEARN_ENGLISH_STOP_WORDS } from './vectorize/stop-words.js';
export { CountVectorizer, COUNT_DEFAULTS } from './vectorize/count.js';
export type { CountVectorizerOptions, DocFreqBound } from './vectorize/count.js';
export { TfidfTransformer, TfidfVectorizer, TFIDF_DEFAULTS } from './vectorize/tfidf.js';
export type { TfidfOptions, TfidfVectorizerOptions } from './vectorize/tfidf.js';
export { HashingVectorizer, HASHING_DEFAULTS, hashTerm } from './vectorize/hashing.js';
export type { HashingVectorizerOptions } from './vectorize/hashing.js';
export { cosineSimilarity, topKSimilar } from './vectorize/similarity.js';
export type { MatrixLike, SimilarRow, TopKOptions } from './vectorize/similarity.js';
export { topTerms, extractKeywords } from './vectorize/keywords.js';
export { KEYWORD_DEFAULTS } from './vectorize/options.js';
export type { TermScore, KeywordOptions } from './vectorize/keywords.js';
export { OneHotEncoder, OrdinalEncoder, ONE_HOT_DEFAULTS, ORDINAL_DEFAULTS } from './vectorize/encoders.js';
export type { OneHotEncoderOptions, OrdinalEncoderOptions, Category, CategoryRows } from './vectorize/encoders.js';
export { BinaryEncoder, CountEncoder, LabelCountEncoder } from './vectorize/count-encoders.js';
export type { BinaryEncoderOptions, CountEncoderOptions, LabelCountEncoderOptions, HandleUnknown } from './vectorize/count-encoders.js';
export { MinMaxScaler, StandardScaler } from './vectorize/scalers.js';
export type { MinMaxScalerOptions, StandardScalerOptions, NumericRows } from './vectorize/scalers.js';
export { MIN_MAX_SCALER_DEFAULTS, STANDARD_SCALER_DEFAULTS, COUNT_ENCODER_DEFAULTS } from './vectorize/options.js';
export { Vocabulary, padSequences, SPECIAL_TOKENS, SPECIAL_IDS } from './vectorize/vocabulary.js';
export type { VocabularyBuildOptions, EncodeOptions, VocabularyJSON, PadOptions } from './vectorize/vocabulary.js';
export { VOCABULARY_DEFAULTS, PAD_DEFAULTS } from './vectorize/options.js';

// --- lm ---
export { NgramLM, LM_DEFAULTS, MAX_ORDER } from './lm/model.js';
export type { TrainOptions, ScoreOptions, PerplexityResult, GenerateOptions } from './lm/model.js';
export type { SentenceInput, SentenceSource, TrainProgress as LmTrainProgress } from './lm/corpus.js';
export type { Discount } from './lm/discount.js';
export type { SmoothingName, SmoothingId } from './lm/smoothing/index.js';
export { NgramCounts } from './lm/ngram-counts.js';
export { DocumentFrequencies } from './vectorize/doc-freqs.js';
export { submitJobs } from './jobs/submit.js';
export type { SubmitOptions, SubmittedRun } from './jobs/submit.js';
export { startWorker } from './jobs/worker.js';
export type { WorkerOptions, WorkerHandle } from './jobs/worker.js';
export { runStatus, waitForRun } from './jobs/status.js';
export type { StatusOptions, RunStatus } from './jobs/status.js';
export { JOBS_DEFAULTS, JOB_KINDS } from './jobs/options.js';
export type { JobKind } from './jobs/options.js';
export type { KindOptions } from './jobs/run-spec.js';
export { JobError } from './core/errors.js';
export type { CountOptions as LmCountOptions } from './lm/ngram-counts.js';
// --- embeddings ---
export { Word2Vec } from './embeddings/word2vec.js';
export { WORD2VEC_DEFAULTS, WORD2VEC_ALPHA_DEFAULTS, MOST_SIMILAR_DEFAULTS, WMD_DEFAULTS, ANALOGY_DEFAULTS, PAIRS_DEFAULTS } from './embeddings/options.js';
export type { Word2VecOptions, TrainProgress as Word2VecProgress, TrainStats, MemoryEstimate as Word2VecMemoryEstimate } from './embeddings/word2vec.js';
export { KeyedVectors } from './embeddings/keyed-vectors.js';
export type { QueryTerm, MostSimilarOptions, Neighbor, WmdOptions } from './embeddings/keyed-vectors.js';
export { openCorpus, splitLine } from './embeddings/corpus.js';
export type { Corpus, CorpusSource, Sentence } from './embeddings/corpus.js';
export { evaluateWordAnalogies, evaluateWordPairs } from './embeddings/evaluate.js';
export type { AnalogyOptions, AnalogyResult, AnalogySection, PairsOptions, PairsResult } from './embeddings/evaluate.js';
export { saveVectors, loadVectors, loadVectorsSync } from './embeddings/keyed-vectors.js';
export { formatFromPath } from './embeddings/w2v-format.js';
export { convertVectors } from './embeddings/w2v-convert.js';
export type { ConvertOptions as VectorConvertOptions, ConvertResult as VectorConvertResult } from './embeddings/w2v-convert.js';
export type { VectorFormat, SaveOptions as VectorSaveOptions, LoadOptions as VectorLoadOptions } from './embeddings/w2v-format.js';
export { createVectorsComponent, VECTORS_COMPONENT_DEFAULTS, tokenVector, spanVector, docVector, hasVector, similarity, VECTOR_ROW_EXT } from './embeddings/vectors-component.js';
export type { VectorsComponentOptions, HasVector } from './embeddings/vectors-component.js';
export { emd } from './embeddings/emd.js';
// --- matcher ---
export { Matcher, MATCHER_DEFAULTS } from './components/matcher/matcher.js';
export type { TokenPattern, TokenSpecInput, MatchTriple, OnMatch, MatcherOptions, MatcherAddOptions, MatchOptions } from './components/matcher/matcher.js';
export { PhraseMatcher, PHRASE_MATCHER_DEFAULTS } from './components/matcher/phrase.js';
export type { PhraseMatcherOptions, PhraseOnMatch } from './components/matcher/phrase.js';
export { EntityRuler, ENTITY_RULER_DEFAULTS, readEntityPatterns } from './components/matcher/entity-ruler.js';
export type { EntityPattern, EntityRulerOptions } from './components/matcher/entity-ruler.js';
export { levenshteinCompare } from './components/matcher/predicates.js';
export { DependencyMatcher, DEPENDENCY_MATCHER_DEFAULTS } from './components/matcher/dependency-matcher.js';
export type { DependencyMatch, DependencyOnMatch, DependencyMatcherOptions, DependencyMatcherAddOptions, DependencyMatchOptions } from './components/matcher/dependency-matcher.js';
export { REL_OPS } from './components/matcher/dep-validate.js';
export { readDependencyPatterns } from './components/matcher/dep-patterns.js';
export type { DependencyPatternRecord } from './components/matcher/dep-patterns.js';
export type { DependencyPattern, DependencyPatternNode, RelOp } from './components/matcher/dep-validate.js';
// --- search ---
export { SearchIndex, SEARCH_DEFAULTS, SUGGEST_DEFAULTS, ADD_ALL_DEFAULTS } from './search/search-index.js';
export type { SearchIndexOptions, SearchOptions, SearchResult, AddAllOptions, Suggestion } from './search/search-index.js';
export { Analyzer, DEFAULT_ANALYZER_PIPELINE, ANALYZER_DEFAULTS as SEARCH_ANALYZER_DEFAULTS, languagePipeline } from './search/analyzer.js';
export type { AnalyzerOptions as SearchAnalyzerOptions, AnalyzerSpec, TokenStream } from './search/analyzer.js';
export { encodeNorm, decodeNorm, bm25Idf, tfidfIdf, SIMILARITY_DEFAULTS } from './search/bm25.js';
export type { SimilarityOptions } from './search/bm25.js';
export { parseQuery, parseLenient, escapeQuery, QuerySyntaxError } from './search/query/parser.js';
export type { QueryNode } from './search/query/parser.js';
export { TermQuery } from './search/query/term/term-query.js';
export { PhraseQuery } from './search/query/phrase/phrase-query.js';
export { BooleanQuery } from './search/query/boolean/boolean-query.js';
export type { BooleanClause, Occur } from './search/query/boolean/boolean-query.js';
export { PrefixQuery } from './search/query/multi-term/prefix-query.js';
export { FuzzyQuery } from './search/query/multi-term/fuzzy-query.js';
export type { Query, Weight, Explanation } from './search/query/types.js';
export type { Highlight, HighlightOptions } from './search/highlight.js';
export { TermDict } from './search/termdict.js';
// --- scale: segment merge ---
export { mergeIndexes } from './search/merge-indexes.js';
export type { MergeReport } from './search/merge-indexes.js';
export { Stemmer, stemFunction, loadStemFunction, STEMMER_DEFAULTS } from './components/stemmer.js';
export type { StemmerOptions, StemAlgorithm } from './components/stemmer.js';
export { porter2 } from './components/porter2.js';
// --- Snowball stemmers by language ---
export { snowballStemmer, snowballLanguage, loadSnowballStemmer, SNOWBALL_LANGUAGES } from './lang/stemmers.js';
export type { SnowballLanguage } from './lang/stemmers.js';
export { germanStem } from './lang/de/stemmer.js';
export { spanishStem } from './lang/es/stemmer.js';
export { frenchStem } from './lang/fr/stemmer.js';
export { italianStem } from './lang/it/stemmer.js';
export { dutchStem } from './lang/nl/stemmer.js';
export { portugueseStem } from './lang/pt/stemmer.js';
export { averagePrecisionAtK, precisionAtK, recallAtK, ndcgAtK, reciprocalRank, evaluateRuns, trecOrder } from './eval/ranking.js';
export type { Judgements, RankedDoc, RankingSummary } from './eval/ranking.js';
// --- tagger ---
export { Tagger, DEFAULT_TAGGER_MODEL, TAGGER_DEFAULTS } from './components/tagger/tagger.js';
export { TaggerBase } from './components/tagger/tagger-base.js';
export { readTaggerModelBytes } from './components/tagger/model-bytes.js';
export { inflateRawAsync } from './io/inflate.js';
export { TaggerModel } from './components/tagger/model.js';
export type { TagClass, TaggerModelParts } from './components/tagger/model.js';
export { trainTagger, scoreModel, TRAIN_DEFAULTS } from './components/tagger/train.js';
export type { TrainTaggerOptions, EpochReport, GoldSentence, GoldWord, TagAccuracy } from './components/tagger/train.js';
export { loadTaggerModel, saveTaggerModel, encodeTaggerModel, decodeTaggerModel, TAGGER_MAGIC, TAGGER_FORMAT_VERSION } from './components/tagger/model-format.js';
export { DEFAULT_TEMPLATES, FeatureAttr as TaggerAttr } from './components/tagger/features.js';
export { WinkTagger } from './components/tagger/wink-backend.js';
export { Lemmatizer, WinkLemmatizer, DEFAULT_LEMMA_TABLES, LEMMATIZER_DEFAULTS } from './components/lemmatizer/lemmatizer.js';
export { lemmatize, SUFFIX_RULES } from './components/lemmatizer/rules.js';
export type { LemmaTables } from './components/lemmatizer/rules.js';
export { buildLemmaTables, saveLemmaTables, loadLemmaTables } from './components/lemmatizer/tables.js';
export { WinkNer } from './components/ner.js';
export { winkNlp, winkAnalyze, winkTextEntities, type WinkEntity } from './components/wink.js';
export type { WinkAnalysis } from './components/wink.js';
export { tagAccuracy, alignedAccuracy, alignedCounts, goldWordSpans, evaluateTagging } from './eval/tagging.js';
export type { TaggedSpan, TaggingScore, TaggingEvaluation, TokenTagger } from './eval/tagging.js';

// --- eval ---
export * from './eval/index.js';

// --- textcat ---
export { TextCategorizer, cats, TEXTCAT_DEFAULTS } from './components/textcat/textcat.js';
export type { TextcatOptions, TextcatMode, TextcatLabel, Cats } from './components/textcat/textcat.js';
export type { FeatureOptions } from './components/textcat/features.js';
export { TEXTCAT_FORMAT_VERSION } from './components/textcat/format.js';
export { evaluateTextcat } from './components/textcat/evaluate.js';
export type { TextcatScores } from './components/textcat/evaluate.js';
// --- search (fast analysis path) ---
export type { PerTypeAttr } from './pipeline/component.js';
export type { TokenScan } from './tokenizer/types.js';

// --- search (ranking features: proximity, BM25F, RM3) ---
export { WindowQuery } from './search/query/window/window-query.js';
export { Bm25fTermQuery } from './search/query/bm25f/bm25f-query.js';
export { sequentialDependenceQuery, plainQueryWords, PROXIMITY_DEFAULTS } from './search/proximity.js';
export type { ProximityOptions } from './search/proximity.js';
export { RM3_DEFAULTS } from './search/rm3.js';
export type { Rm3Options } from './search/rm3.js';

// --- syntax: gold trees from CoNLL-U, label glosses ---
export { conlluToDoc } from './io/conllu-docs.js';
export type { ConlluToDocOptions } from './io/conllu-docs.js';
export { explain, explainedLabels } from './core/explain.js';
export { similarLabels } from './core/explain.js';
// --- languages ---
export { blank } from './pipeline/blank.js';
export { getLanguage, languageCodes } from './lang/registry.js';
export type { LanguageData, Segmentation, SenterData } from './lang/types.js';
export { tokenizerFor } from './lang/tokenizer-for.js';
export { loadLanguage } from './lang/load-language.js';
export type { LanguageTokenizerOptions } from './lang/tokenizer-for.js';
export { WordSegmenter, WORD_SEGMENTER_DEFAULTS } from './tokenizer/segmenter.js';
export type { WordSegmenterOptions } from './tokenizer/segmenter.js';
export { SegmenterModel, encodeSegmenterModel, decodeSegmenterModel, SEGMENTER_MAGIC, SEGMENTER_FORMAT_VERSION } from './tokenizer/segmenter-model.js';
export { trainSegmenter, SEGMENTER_TRAIN_DEFAULTS } from './tokenizer/segmenter-train.js';
export type { SegmentedSentence, SegmenterTrainOptions } from './tokenizer/segmenter-train.js';
export { multiwordSplit, splitEnclitic } from './tokenizer/multiword.js';
export type { LexAttrOverrides } from './core/lexeme.js';
export { ENGLISH_NUMBER_WORDS } from './core/lexeme.js';
export { evaluateWordTokenization, goldSide, systemSide } from './eval/word-tokenization.js';
export type { WordSource, WordTokenizationScore } from './eval/word-tokenization.js';
// --- ann (vector index) ---
export { VectorIndex } from './ann/vector-index.js';
export type { WordIndexOptions } from './embeddings/word-index.js';
export { HYBRID_DEFAULTS } from './search/hybrid.js';
export type { HybridOptions } from './search/hybrid.js';
/** SearchIndex document vectors from a pipeline (`embed`) and the index behind them (`vectorIndex`): option types and defaults. */
export { VECTOR_INDEX_CHOICE_DEFAULTS } from './search/vector-options.js';
export type { EmbedOptions, EmbeddingPipeline, VectorIndexChoice } from './search/vector-options.js';
export type { VectorHit, VectorIndexMemory, AddProgress } from './ann/vector-index.js';
export { VECTOR_INDEX_DEFAULTS, VECTOR_SEARCH_DEFAULTS } from './ann/options.js';
export type { VectorIndexOptions, VectorSearchOptions, VectorMetric, VectorIndexKind, VectorQuantization } from './ann/options.js';
export type { VectorId } from './ann/keys.js';
export type { VectorLike } from './ann/check-vector.js';
export { VECTOR_INDEX_KIND, VECTOR_INDEX_FORMAT_VERSION } from './ann/format.js';
// --- dependency parser ---
export { Parser, DEFAULT_PARSER_MODEL, PARSER_DEFAULTS } from './components/parser/parser.js';
export { ParserModel, ROOT_LABEL } from './components/parser/model.js';
export type { ParserModelParts } from './components/parser/model.js';
export { trainParser, checkTrees, TRAIN_PARSER_DEFAULTS } from './components/parser/train.js';
export type { TrainParserOptions, ParserEpochReport, ParserGoldSentence, ParserGoldWord, XposTagger } from './components/parser/train.js';
export { hierarchicalClusters, HIERARCHICAL_CLUSTER_DEFAULTS } from './components/parser/clusters.js';
export type { HierarchicalClusterOptions } from './components/parser/clusters.js';
export { scoreParser } from './components/parser/score.js';
export type { ParserScore, ScoredSentence } from './components/parser/score.js';
export { loadParserModel, saveParserModel, encodeParserModel, decodeParserModel, PARSER_KIND, PARSER_FORMAT_VERSION, PARSER_BEAM_FORMAT_VERSION } from './components/parser/model-format.js';
export { BeamSearch, MAX_BEAM } from './components/parser/beam.js';
export type { BeamScorer } from './components/parser/beam.js';
export type { EncodeParserOptions } from './components/parser/model-format.js';
export { readParserModelBytes } from './components/parser/model-bytes.js';
export { ParserBase } from './components/parser/parser-base.js';
/** Parser scores as the CoNLL 2018 shared task counts them, on gold words or raw text (see {@link EvaluateParserOptions}). */
export { evaluateParser, goldParseSide, docParseSide, countParse, parseScores } from './eval/parsing.js';
export type { EvaluateParserOptions, ParserEvaluation, DocParser, ParseScores, AttachmentScore, LabelScore } from './eval/parsing.js';
// --- trained sentence segmenter (senter backend "perceptron") ---
export { TrainedSenter, DEFAULT_SENTER_MODEL } from './components/senter/trained-senter.js';
export { SenterModel } from './components/senter/model.js';
export type { SenterModelParts } from './components/senter/model.js';
export { trainSenter, senterDocuments, TRAIN_SENTER_DEFAULTS } from './components/senter/train.js';
export type { TrainSenterOptions, SenterEpochReport, SenterDevScore, SenterGoldSentence, SenterGoldDocument, TextTokenizer } from './components/senter/train.js';
export { loadSenterModel, saveSenterModel, encodeSenterModel, decodeSenterModel, SENTER_KIND, SENTER_FORMAT_VERSION } from './components/senter/model-format.js';
export type { EncodeSenterOptions } from './components/senter/model-format.js';
export { useTrainedSenterLoader } from './components/senter.js';
export type { TrainedSenterLoader } from './components/senter.js';
// --- entities: trained recognizer, IOB/BILUO readers ---
export { readIob, parseIob, detectIobLayout, newIobStats } from './io/iob.js';
export type { IobSentence, IobLayout, IobReadStats, ReadIobOptions } from './io/iob.js';
export { EntityModel } from './components/entity/model.js';
export type { EntityModelParts, EntityModelMeta } from './components/entity/model.js';
export { trainEntityModel, evaluateEntityModel, TRAIN_ENTITY_DEFAULTS } from './components/entity/train.js';
export type { EntitySentence, EntityEpochReport, TrainEntityOptions } from './components/entity/train.js';
export { loadEntityModel, saveEntityModel, encodeEntityModel, decodeEntityModel, ENTITY_MODEL_KIND, ENTITY_MODEL_VERSION } from './components/entity/model-format.js';
export { kmeansClusters, buildLexicon, KMEANS_DEFAULTS } from './components/entity/clusters.js';
export type { KmeansOptions, LexiconExtras } from './components/entity/clusters.js';
export { gazetteerClasses, parseGazetteer, GAZ_PART, MAX_GAZ_TYPES } from './components/entity/gazetteer.js';
export type { GazetteerClasses } from './components/entity/gazetteer.js';
export { jackknifeEntityTags, JACKKNIFE_ENTITY_DEFAULTS } from './components/entity/jackknife-tags.js';
export type { JackknifeEntityTagsOptions, JackknifeTreebankSentence } from './components/entity/jackknife-tags.js';
export { EntityRecognizer, DEFAULT_ENTITY_MODEL, ENTITY_RECOGNIZER_DEFAULTS } from './components/entity/recognizer.js';
export { mergeRanked, FORMAT_LABELS } from './components/entity/merge.js';
export { evaluateEntities } from './components/entity/evaluate.js';
export type { EntityEvaluation, EvaluateEntitiesOptions, EntityPipelineLike } from './components/entity/evaluate.js';
// --- render ---
export { render, RENDER_DEFAULTS } from './render/render.js';
export type { RenderOptions, RenderStyle, Renderable } from './render/render.js';
export { renderEnts, ENT_DEFAULTS } from './render/ent.js';
export type { EntOptions } from './render/ent.js';
export { renderDep, renderDepSvg, depSize, DEP_DEFAULTS } from './render/dep.js';
export type { DepOptions } from './render/dep.js';
export { renderSpans, SPAN_DEFAULTS } from './render/span.js';
export type { SpanOptions } from './render/span.js';
export { renderScatter, projectVectors, SCATTER_DEFAULTS } from './render/scatter.js';
export type { ScatterPoint, ScatterOptions } from './render/scatter.js';
export { entData, depData, spanData } from './render/data.js';
export type { EntData, DepData, DepArc, SpanData, TokenSpan, CharSpan, DepDataOptions } from './render/data.js';
export { LABEL_COLORS } from './render/colors.js';
export { wrapPage } from './render/page.js';
// --- serve ---
export { serve } from './serve/server.js';
export type { RunningServer } from './serve/server.js';
export { SERVE_DEFAULTS } from './serve/options.js';
export type { ServeOptions } from './serve/options.js';

// In Node the tokenizer's hot functions get complete type feedback before the first real text, so
// V8 compiles them once per thread (browser entries skip this and its chunk list).
installTokenizerWarmUp();
