;; Vector primitives for nearest-neighbour search (dot, l2sq, dot_i8, scores, sims: src/ann and
;; embeddings/nn-kernel.ts) and for the JS reference word2vec kernel that the tests compare train.wat
;; against (dot/upd/axpy), in WebAssembly SIMD (f32x4, i16x8 for the int8 codes).
;; Pointers are byte offsets into the imported (shared) memory; n counts float32s.
;; Built into vecops-bytes.ts by bench/build-wasm.mjs; the .wat is the source of truth.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; sum_i a[i] * b[i], accumulated in four float32 lanes then a scalar tail.
  (func $dot (export "dot") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $acc v128) (local $end i32) (local $tail i32) (local $s f32)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (local.set $tail (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (v128.load (local.get $a)) (v128.load (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))
        (br $l)))
    (local.set $s (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
      (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $a) (local.get $tail)))
        (local.set $s (f32.add (local.get $s) (f32.mul (f32.load (local.get $a)) (f32.load (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (br $t)))
    (local.get $s))

  ;; sum_i (a[i] - b[i])^2, four float32 lanes then a scalar tail.
  (func $l2sq (export "l2sq") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $acc v128) (local $d v128) (local $end i32) (local $tail i32) (local $s f32) (local $x f32)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (local.set $tail (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $d (f32x4.sub (v128.load (local.get $a)) (v128.load (local.get $b))))
        (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))
        (br $l)))
    (local.set $s (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
      (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $a) (local.get $tail)))
        (local.set $x (f32.sub (f32.load (local.get $a)) (f32.load (local.get $b))))
        (local.set $s (f32.add (local.get $s) (f32.mul (local.get $x) (local.get $x))))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (br $t)))
    (local.get $s))

  ;; sum_i a[i] * b[i] over int8 codes (n bytes each), exact in int32: eight codes at a time widened
  ;; to i16 and multiplied pairwise into i32 lanes (i32x4.dot_i16x8_s), then a scalar tail.
  (func (export "dot_i8") (param $a i32) (param $b i32) (param $n i32) (result i32)
    (local $acc v128) (local $end i32) (local $tail i32) (local $s i32)
    (local.set $end (i32.add (local.get $a) (i32.and (local.get $n) (i32.const -8))))
    (local.set $tail (i32.add (local.get $a) (local.get $n)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $acc (i32x4.add (local.get $acc)
          (i32x4.dot_i16x8_s (v128.load8x8_s (local.get $a)) (v128.load8x8_s (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (br $l)))
    (local.set $s (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $a) (local.get $tail)))
        (local.set $s (i32.add (local.get $s) (i32.mul (i32.load8_s (local.get $a)) (i32.load8_s (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $t)))
    (local.get $s))

  ;; The fused output-layer update of word2vec.c: for each i, v = out[i]; e[i] += g * v; out[i] = v + g * inp[i].
  (func (export "upd") (param $g f32) (param $e i32) (param $out i32) (param $inp i32) (param $n i32)
    (local $gv v128) (local $v v128) (local $end i32) (local $tail i32) (local $sv f32)
    (local.set $gv (f32x4.splat (local.get $g)))
    (local.set $end (i32.add (local.get $e) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (local.set $tail (i32.add (local.get $e) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $v (v128.load (local.get $out)))
        (v128.store (local.get $e) (f32x4.add (v128.load (local.get $e)) (f32x4.mul (local.get $gv) (local.get $v))))
        (v128.store (local.get $out) (f32x4.add (local.get $v) (f32x4.mul (local.get $gv) (v128.load (local.get $inp)))))
        (local.set $e (i32.add (local.get $e) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (local.set $inp (i32.add (local.get $inp) (i32.const 16)))
        (br $l)))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $e) (local.get $tail)))
        (local.set $sv (f32.load (local.get $out)))
        (f32.store (local.get $e) (f32.add (f32.load (local.get $e)) (f32.mul (local.get $g) (local.get $sv))))
        (f32.store (local.get $out) (f32.add (local.get $sv) (f32.mul (local.get $g) (f32.load (local.get $inp)))))
        (local.set $e (i32.add (local.get $e) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $inp (i32.add (local.get $inp) (i32.const 4)))
        (br $t))))

  ;; y[i] += a * x[i]
  (func (export "axpy") (param $a f32) (param $x i32) (param $y i32) (param $n i32)
    (local $av v128) (local $end i32) (local $tail i32)
    (local.set $av (f32x4.splat (local.get $a)))
    (local.set $end (i32.add (local.get $y) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (local.set $tail (i32.add (local.get $y) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $y) (local.get $end)))
        (v128.store (local.get $y) (f32x4.add (v128.load (local.get $y)) (f32x4.mul (local.get $av) (v128.load (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br $l)))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $y) (local.get $tail)))
        (f32.store (local.get $y) (f32.add (f32.load (local.get $y)) (f32.mul (local.get $a) (f32.load (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $t))))

  ;; out[r] = dot(mat + r * dim, q, dim) for r < rows (row-major matrix, float32 scores).
  (func (export "scores") (param $mat i32) (param $q i32) (param $out i32) (param $rows i32) (param $dim i32)
    (local $stride i32) (local $end i32)
    (local.set $stride (i32.shl (local.get $dim) (i32.const 2)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (f32.store (local.get $out) (call $dot (local.get $mat) (local.get $q) (local.get $dim)))
        (local.set $mat (i32.add (local.get $mat) (local.get $stride)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $l))))

  ;; dot and l2sq for the HNSW walk: four independent f32x4 accumulators over 16 floats per step (so
  ;; the adds do not wait on each other), then 4 at a time, then a scalar tail. The sum order differs
  ;; from $dot/$l2sq, which stay as they are for the word2vec reference kernel.
  (func $dot16 (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $end i32) (local $s f32)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (local.get $a)) (v128.load (local.get $b)))))
        (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b)))))
        (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $b)))))
        (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br $l)))
    (local.set $a0 (f32x4.add (f32x4.add (local.get $a0) (local.get $a1)) (f32x4.add (local.get $a2) (local.get $a3))))
    (local.set $s (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0)))
      (f32.add (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0)))))
    (f32.add (local.get $s) (call $dot (local.get $a) (local.get $b) (i32.and (local.get $n) (i32.const 15)))))

  (func $l2sq16 (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $d v128) (local $end i32) (local $s f32)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $d (f32x4.sub (v128.load (local.get $a)) (v128.load (local.get $b))))
        (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $d (f32x4.sub (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))))
        (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $d (f32x4.sub (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $b))))
        (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $d (f32x4.sub (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $b))))
        (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br $l)))
    (local.set $a0 (f32x4.add (f32x4.add (local.get $a0) (local.get $a1)) (f32x4.add (local.get $a2) (local.get $a3))))
    (local.set $s (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0)))
      (f32.add (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0)))))
    (f32.add (local.get $s) (call $l2sq (local.get $a) (local.get $b) (i32.and (local.get $n) (i32.const 15)))))

  ;; Written once per sims call so the touch loads below are never dead code.
  (global $sink (mut i32) (i32.const 0))

  ;; Loads one int32 from every 64-byte line of the row at $p ($bytes long) and folds them into
  ;; the result: the misses of a whole row go out at once.
  (func $touch (param $p i32) (param $bytes i32) (param $acc i32) (result i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $p) (local.get $bytes)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $acc (i32.or (local.get $acc) (i32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $l)))
    (local.get $acc))

  ;; out[i] = similarity of row ids[i] (at base + ids[i] * stride) to q, for i < n: the dot product,
  ;; or with $l2 set minus the squared distance. One call scores all the unvisited neighbours of an
  ;; HNSW node, so the walk pays the JS -> WebAssembly transition once per node, not once per link.
  ;; At a million rows every row is a cache miss: every line of all n rows is loaded (touched) first,
  ;; so the misses are in flight together rather than one row after another (WebAssembly has no
  ;; prefetch instruction; the touch loads are independent, so the core issues them in parallel).
  (func (export "sims") (param $base i32) (param $stride i32) (param $ids i32) (param $n i32) (param $q i32) (param $dim i32) (param $out i32) (param $l2 i32)
    (local $end i32) (local $row i32) (local $bytes i32) (local $acc i32) (local $ahead i32)
    (local.set $end (i32.add (local.get $ids) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $bytes (i32.shl (local.get $dim) (i32.const 2)))
    ;; every row up front
    (local.set $ahead (local.get $ids))
    (block $pdone
      (loop $p
        (br_if $pdone (i32.ge_u (local.get $ahead) (local.get $end)))
        (local.set $acc (call $touch (i32.add (local.get $base) (i32.mul (i32.load (local.get $ahead)) (local.get $stride))) (local.get $bytes) (local.get $acc)))
        (local.set $ahead (i32.add (local.get $ahead) (i32.const 4)))
        (br $p)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $ids) (local.get $end)))
        (local.set $row (i32.add (local.get $base) (i32.mul (i32.load (local.get $ids)) (local.get $stride))))
        (if (local.get $l2)
          (then (f32.store (local.get $out) (f32.neg (call $l2sq16 (local.get $row) (local.get $q) (local.get $dim)))))
          (else (f32.store (local.get $out) (call $dot16 (local.get $row) (local.get $q) (local.get $dim)))))
        (local.set $ids (i32.add (local.get $ids) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $l)))
    (global.set $sink (local.get $acc)))
)
