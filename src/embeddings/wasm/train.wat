;; The word2vec training kernel: word2vec.c's TrainModelThread update rules for whole batches of
;; word ids, in WebAssembly SIMD (f32x4) over the imported shared memory that holds the weights
;; and tables. One instance per training thread; its configuration, pending sentence fill and
;; 64-bit LCG are instance globals, so instances never share mutable state except the weights
;; (Hogwild). Built into train-bytes.ts by bench/build-wasm.mjs; the .wat is the source of truth.
;;
;; Bit-for-bit equal to the JS reference kernel (tests/embeddings/reference-kernel.ts): the same
;; LCG draws in the same order, dot products accumulated in four float32 lanes then
;; (l0 + l1) + (l2 + l3) then the scalar tail, gradients computed in float64 and rounded to
;; float32 (as the JS kernel did when passing them to the vector primitives).
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; Byte offsets (set once by $setup).
  (global $syn0 (mut i32) (i32.const 0))
  (global $syn1 (mut i32) (i32.const 0))
  (global $syn1neg (mut i32) (i32.const 0))
  (global $neu1 (mut i32) (i32.const 0))
  (global $neu1e (mut i32) (i32.const 0))
  (global $expT (mut i32) (i32.const 0))
  (global $table (mut i32) (i32.const 0))
  (global $codes (mut i32) (i32.const 0))
  (global $points (mut i32) (i32.const 0))
  (global $codeStart (mut i32) (i32.const 0))
  (global $sampleRan (mut i32) (i32.const 0))
  (global $sen (mut i32) (i32.const 0))
  ;; Scratch for one position's `negative` noise words.
  (global $targets (mut i32) (i32.const 0))
  ;; Sum of the prefetching loads (kept so the engine cannot drop them).
  (global $sink (mut i32) (i32.const 0))
  (global $words (mut i32) (i32.const 0))
  (global $lens (mut i32) (i32.const 0))
  ;; Parameters.
  (global $dim (mut i32) (i32.const 0))
  (global $window (mut i32) (i32.const 0))
  (global $negative (mut i32) (i32.const 0))
  (global $hs (mut i32) (i32.const 0))
  (global $sg (mut i32) (i32.const 0))
  (global $cbowMean (mut i32) (i32.const 0))
  (global $tableSize (mut i32) (i32.const 0))
  ;; 0: $table is word2vec.c's flat table of word ids (draw = table[(next >> 16) % tableSize]).
  ;; 1: $table is gensim's cumulative table of tableSize (= vocabulary) bounds ending at its total
  ;; (draw = the first i with table[i] > (next >> 16) % total, by binary search).
  (global $cumulative (mut i32) (i32.const 0))
  (global $vocabSize (mut i32) (i32.const 0))
  (global $sample (mut i32) (i32.const 0))
  (global $maxLen (mut i32) (i32.const 0))
  ;; Words of an unfinished sentence already in $sen (a sentence split across train calls).
  (global $pending (mut i32) (i32.const 0))
  ;; word2vec.c's next_random.
  (global $rng (mut i64) (i64.const 0))
  ;; The rate of the next training position: a batch's alphaFirst until its first position (or
  ;; empty sentence) is done, then alpha.
  (global $lr (mut f64) (f64.const 0))

  (func (export "setup")
    (param $syn0 i32) (param $syn1 i32) (param $syn1neg i32) (param $neu1 i32) (param $neu1e i32)
    (param $expT i32) (param $table i32) (param $codes i32) (param $points i32) (param $codeStart i32)
    (param $sampleRan i32) (param $sen i32) (param $targets i32) (param $words i32) (param $lens i32)
    (param $dim i32) (param $window i32) (param $negative i32) (param $hs i32) (param $sg i32)
    (param $cbowMean i32) (param $tableSize i32) (param $vocabSize i32) (param $sample i32) (param $maxLen i32)
    (param $rngLo i32) (param $rngHi i32) (param $cumulative i32)
    (global.set $syn0 (local.get $syn0))
    (global.set $syn1 (local.get $syn1))
    (global.set $syn1neg (local.get $syn1neg))
    (global.set $neu1 (local.get $neu1))
    (global.set $neu1e (local.get $neu1e))
    (global.set $expT (local.get $expT))
    (global.set $table (local.get $table))
    (global.set $codes (local.get $codes))
    (global.set $points (local.get $points))
    (global.set $codeStart (local.get $codeStart))
    (global.set $sampleRan (local.get $sampleRan))
    (global.set $sen (local.get $sen))
    (global.set $targets (local.get $targets))
    (global.set $words (local.get $words))
    (global.set $lens (local.get $lens))
    (global.set $dim (local.get $dim))
    (global.set $window (local.get $window))
    (global.set $negative (local.get $negative))
    (global.set $hs (local.get $hs))
    (global.set $sg (local.get $sg))
    (global.set $cbowMean (local.get $cbowMean))
    (global.set $tableSize (local.get $tableSize))
    (global.set $cumulative (local.get $cumulative))
    (global.set $vocabSize (local.get $vocabSize))
    (global.set $sample (local.get $sample))
    (global.set $maxLen (local.get $maxLen))
    (global.set $pending (i32.const 0))
    (global.set $rng (i64.or (i64.extend_i32_u (local.get $rngLo)) (i64.shl (i64.extend_i32_u (local.get $rngHi)) (i64.const 32)))))

  (func (export "rngLo") (result i32) (i32.wrap_i64 (global.get $rng)))
  (func (export "rngHi") (result i32) (i32.wrap_i64 (i64.shr_u (global.get $rng) (i64.const 32))))

  ;; sum_i a[i] * b[i], accumulated in four float32 lanes then a scalar tail (= vecops.wat's dot).
  (func $dot (param $a i32) (param $b i32) (param $n i32) (result f32)
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

  ;; word2vec.c's output-layer update: for each i, v = out[i]; e[i] += g * v; out[i] = v + g * inp[i].
  (func $upd (param $g f32) (param $e i32) (param $out i32) (param $inp i32) (param $n i32)
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

  ;; y[i] += x[i] (the JS kernel's axpy with a = 1; 1 * x is exact, so this is the same sum).
  (func $add (param $x i32) (param $y i32) (param $n i32)
    (local $end i32) (local $tail i32)
    (local.set $end (i32.add (local.get $y) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (local.set $tail (i32.add (local.get $y) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $y) (local.get $end)))
        (v128.store (local.get $y) (f32x4.add (v128.load (local.get $y)) (v128.load (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br $l)))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $y) (local.get $tail)))
        (f32.store (local.get $y) (f32.add (f32.load (local.get $y)) (f32.load (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $t))))

  ;; p[i] = 0 for i < n.
  (func $zero (param $p i32) (param $n i32)
    (local $end i32) (local $tail i32)
    (local.set $end (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (local.set $tail (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (local.get $p) (v128.const i32x4 0 0 0 0))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l)))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $p) (local.get $tail)))
        (f32.store (local.get $p) (f32.const 0))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $t))))

  ;; p[i] /= x for i < n (IEEE division per lane, the same as one by one).
  (func $div (param $p i32) (param $x f32) (param $n i32)
    (local $xv v128) (local $end i32) (local $tail i32)
    (local.set $xv (f32x4.splat (local.get $x)))
    (local.set $end (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (local.set $tail (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (local.get $p) (f32x4.div (v128.load (local.get $p)) (local.get $xv)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l)))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $p) (local.get $tail)))
        (f32.store (local.get $p) (f32.div (f32.load (local.get $p)) (local.get $x)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $t))))

  ;; word2vec.c's sigmoid lookup index for f in [-6, 6]: (int)((f + MAX_EXP) * (EXP_TABLE_SIZE /
  ;; MAX_EXP / 2)), where the integer division makes the scale 83 and the arithmetic is float.
  ;; Saturating: a NaN from a diverged run (too high an alpha) gives 0 instead of a trap, and
  ;; Word2Vec.train reports the divergence as an ArgumentError.
  (func $expIdx (param $f f32) (result i32)
    (i32.trunc_sat_f32_s (f32.mul (f32.add (local.get $f) (f32.const 6)) (f32.const 83))))

  ;; Trains one (subsampled) sentence of $len words held in $sen.
  (func $sentence (param $len i32) (param $alpha f64)
    (local $syn0 i32) (local $syn1 i32) (local $syn1neg i32) (local $neu1 i32) (local $neu1e i32)
    (local $expT i32) (local $table i32) (local $codes i32) (local $points i32) (local $codeStart i32)
    (local $sen i32) (local $dim i32) (local $row i32) (local $window i32) (local $negative i32)
    (local $hs i32) (local $sg i32) (local $tableSize i64) (local $rng i64)
    (local $sp i32) (local $word i32) (local $b i32) (local $aEnd i32) (local $cw i32) (local $a i32)
    (local $aStop i32) (local $cpos i32) (local $l1 i32) (local $l2 i32) (local $d i32)
    (local $cStart i32) (local $cEnd i32) (local $target i32) (local $label f32) (local $f f32)
    (local $lr f64) (local $rate f64) (local $vm1 i64)
    (local $g f64) (local $targets i32) (local $touch i32)
    (local $cumulative i32) (local $cumTotal i64) (local $lo i32) (local $hi i32) (local $mid i32) (local $r i32)
    (local.set $syn0 (global.get $syn0))
    (local.set $syn1 (global.get $syn1))
    (local.set $syn1neg (global.get $syn1neg))
    (local.set $neu1 (global.get $neu1))
    (local.set $neu1e (global.get $neu1e))
    (local.set $expT (global.get $expT))
    (local.set $table (global.get $table))
    (local.set $codes (global.get $codes))
    (local.set $points (global.get $points))
    (local.set $codeStart (global.get $codeStart))
    (local.set $sen (global.get $sen))
    (local.set $dim (global.get $dim))
    (local.set $row (i32.shl (global.get $dim) (i32.const 2)))
    (local.set $window (global.get $window))
    (local.set $negative (global.get $negative))
    (local.set $hs (global.get $hs))
    (local.set $sg (global.get $sg))
    (local.set $tableSize (i64.extend_i32_u (global.get $tableSize)))
    (local.set $cumulative (global.get $cumulative))
    (if (i32.and (local.get $cumulative) (i64.ne (local.get $tableSize) (i64.const 0)))
      (then (local.set $cumTotal (i64.extend_i32_u (i32.load (i32.add (local.get $table)
        (i32.shl (i32.sub (i32.wrap_i64 (local.get $tableSize)) (i32.const 1)) (i32.const 2))))))))
    (local.set $rng (global.get $rng))
    (local.set $targets (global.get $targets))
    (local.set $lr (global.get $lr))
    (local.set $vm1 (i64.extend_i32_u (i32.sub (global.get $vocabSize) (i32.const 1))))
    (block $sdone
      (loop $spos
        (br_if $sdone (i32.ge_s (local.get $sp) (local.get $len)))
        (block $next
          (local.set $word (i32.load (i32.add (local.get $sen) (i32.shl (local.get $sp) (i32.const 2)))))
          (local.set $rate (local.get $lr))
          (local.set $lr (local.get $alpha))
          ;; the window shrink: b = next_random % window
          (local.set $rng (i64.add (i64.mul (local.get $rng) (i64.const 25214903917)) (i64.const 11)))
          (local.set $b (i32.wrap_i64 (i64.rem_u (local.get $rng) (i64.extend_i32_u (local.get $window)))))
          (local.set $cStart (i32.load (i32.add (local.get $codeStart) (i32.shl (local.get $word) (i32.const 2)))))
          (local.set $cEnd (i32.load (i32.add (local.get $codeStart) (i32.shl (i32.add (local.get $word) (i32.const 1)) (i32.const 2)))))
          (local.set $aEnd (i32.sub (i32.add (i32.shl (local.get $window) (i32.const 1)) (i32.const 1)) (local.get $b)))
          ;; CBOW: the (mean or sum) context vector in neu1; one output pass (a = window).
          ;; Skip-gram: one output pass per context word a in [b, aEnd).
          (if (i32.eqz (local.get $sg))
            (then
              (call $zero (local.get $neu1) (local.get $dim))
              (local.set $cw (i32.const 0))
              (local.set $a (local.get $b))
              (block $cdone
                (loop $ctx
                  (br_if $cdone (i32.ge_s (local.get $a) (local.get $aEnd)))
                  (block $cnext
                    (br_if $cnext (i32.eq (local.get $a) (local.get $window)))
                    (local.set $cpos (i32.add (i32.sub (local.get $sp) (local.get $window)) (local.get $a)))
                    (br_if $cnext (i32.lt_s (local.get $cpos) (i32.const 0)))
                    (br_if $cnext (i32.ge_s (local.get $cpos) (local.get $len)))
                    (call $add
                      (i32.add (local.get $syn0) (i32.mul (i32.load (i32.add (local.get $sen) (i32.shl (local.get $cpos) (i32.const 2)))) (local.get $row)))
                      (local.get $neu1) (local.get $dim))
                    (local.set $cw (i32.add (local.get $cw) (i32.const 1))))
                  (local.set $a (i32.add (local.get $a) (i32.const 1)))
                  (br $ctx)))
              (br_if $next (i32.eqz (local.get $cw)))
              (if (global.get $cbowMean)
                (then (call $div (local.get $neu1) (f32.convert_i32_s (local.get $cw)) (local.get $dim))))
              (local.set $a (local.get $window))
              (local.set $aStop (i32.add (local.get $window) (i32.const 1))))
            (else
              (local.set $a (local.get $b))
              (local.set $aStop (local.get $aEnd))))
          (block $pdone
            (loop $pass
              (br_if $pdone (i32.ge_s (local.get $a) (local.get $aStop)))
              (block $pnext
                (if (i32.eqz (local.get $sg))
                  (then (local.set $l1 (local.get $neu1)))
                  (else
                    (br_if $pnext (i32.eq (local.get $a) (local.get $window)))
                    (local.set $cpos (i32.add (i32.sub (local.get $sp) (local.get $window)) (local.get $a)))
                    (br_if $pnext (i32.lt_s (local.get $cpos) (i32.const 0)))
                    (br_if $pnext (i32.ge_s (local.get $cpos) (local.get $len)))
                    (local.set $l1 (i32.add (local.get $syn0) (i32.mul (i32.load (i32.add (local.get $sen) (i32.shl (local.get $cpos) (i32.const 2)))) (local.get $row))))))
                (call $zero (local.get $neu1e) (local.get $dim))
                ;; hierarchical softmax: |f| >= MAX_EXP is skipped
                (if (local.get $hs)
                  (then
                    (local.set $d (local.get $cStart))
                    (block $hdone
                      (loop $h
                        (br_if $hdone (i32.ge_s (local.get $d) (local.get $cEnd)))
                        (block $hnext
                          (local.set $l2 (i32.add (local.get $syn1) (i32.mul (i32.load (i32.add (local.get $points) (i32.shl (local.get $d) (i32.const 2)))) (local.get $row))))
                          (local.set $f (call $dot (local.get $l1) (local.get $l2) (local.get $dim)))
                          (br_if $hnext (f32.le (local.get $f) (f32.const -6)))
                          (br_if $hnext (f32.ge (local.get $f) (f32.const 6)))
                          (local.set $f (f32.load (i32.add (local.get $expT) (i32.shl (call $expIdx (local.get $f)) (i32.const 2)))))
                          ;; g = (1 - code - f) * alpha: the difference is a C float, the product is rounded to one
                          (call $upd
                            (f32.demote_f64 (f64.mul
                              (f64.promote_f32 (f32.sub (f32.convert_i32_u (i32.sub (i32.const 1) (i32.load8_u (i32.add (local.get $codes) (local.get $d))))) (local.get $f)))
                              (local.get $rate)))
                            (local.get $neu1e) (local.get $l2) (local.get $l1) (local.get $dim)))
                        (local.set $d (i32.add (local.get $d) (i32.const 1)))
                        (br $h)))))
                ;; negative sampling: the centre word (label 1) then `negative` noise draws (label 0).
                ;; The draws come first (the same LCG steps in the same order) so that the cache
                ;; misses on the noise table and on the noise words' rows overlap instead of
                ;; waiting one by one behind each dot product.
                (if (local.get $negative)
                  (then
                    (local.set $d (i32.const 0))
                    (block $tdone
                      (loop $t
                        (br_if $tdone (i32.ge_s (local.get $d) (local.get $negative)))
                        (local.set $rng (i64.add (i64.mul (local.get $rng) (i64.const 25214903917)) (i64.const 11)))
                        (if (local.get $cumulative)
                          (then
                            ;; bisect: the first i in [0, tableSize) with table[i] > r
                            (local.set $r (i32.wrap_i64 (i64.rem_u (i64.shr_u (local.get $rng) (i64.const 16)) (local.get $cumTotal))))
                            (local.set $lo (i32.const 0))
                            (local.set $hi (i32.wrap_i64 (local.get $tableSize)))
                            (block $bdone
                              (loop $bisect
                                (br_if $bdone (i32.ge_u (local.get $lo) (local.get $hi)))
                                (local.set $mid (i32.shr_u (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
                                (if (i32.le_u (i32.load (i32.add (local.get $table) (i32.shl (local.get $mid) (i32.const 2)))) (local.get $r))
                                  (then (local.set $lo (i32.add (local.get $mid) (i32.const 1))))
                                  (else (local.set $hi (local.get $mid))))
                                (br $bisect)))
                            (local.set $target (local.get $lo)))
                          (else
                            (local.set $target (i32.load (i32.add (local.get $table)
                              (i32.shl (i32.wrap_i64 (i64.rem_u (i64.shr_u (local.get $rng) (i64.const 16)) (local.get $tableSize))) (i32.const 2)))))))
                        ;; a </s> (id 0) becomes next_random % (vocabSize - 1) + 1, as word2vec.c
                        (if (i32.eqz (local.get $target))
                          (then (local.set $target (i32.add (i32.wrap_i64 (i64.rem_u (local.get $rng) (local.get $vm1))) (i32.const 1)))))
                        (i32.store (i32.add (local.get $targets) (i32.shl (local.get $d) (i32.const 2))) (local.get $target))
                        (local.set $touch (i32.add (local.get $touch) (i32.load (i32.add (local.get $syn1neg) (i32.mul (local.get $target) (local.get $row))))))
                        (local.set $d (i32.add (local.get $d) (i32.const 1)))
                        (br $t)))
                    (local.set $d (i32.const 0))
                    (block $ndone
                      (loop $n
                        (br_if $ndone (i32.gt_s (local.get $d) (local.get $negative)))
                        (block $nnext
                          (if (i32.eqz (local.get $d))
                            (then
                              (local.set $target (local.get $word))
                              (local.set $label (f32.const 1)))
                            (else
                              (local.set $target (i32.load (i32.add (local.get $targets) (i32.shl (i32.sub (local.get $d) (i32.const 1)) (i32.const 2)))))
                              (br_if $nnext (i32.eq (local.get $target) (local.get $word)))
                              (local.set $label (f32.const 0))))
                          (local.set $l2 (i32.add (local.get $syn1neg) (i32.mul (local.get $target) (local.get $row))))
                          (local.set $f (call $dot (local.get $l1) (local.get $l2) (local.get $dim)))
                          (if (f32.gt (local.get $f) (f32.const 6))
                            (then (local.set $g (f64.mul (f64.sub (f64.promote_f32 (local.get $label)) (f64.const 1)) (local.get $rate))))
                            (else
                              (if (f32.lt (local.get $f) (f32.const -6))
                                (then (local.set $g (f64.mul (f64.promote_f32 (local.get $label)) (local.get $rate))))
                                (else
                                  (local.set $g (f64.mul
                                    (f64.promote_f32 (f32.sub (local.get $label)
                                      (f32.load (i32.add (local.get $expT) (i32.shl (call $expIdx (local.get $f)) (i32.const 2))))))
                                    (local.get $rate)))))))
                          (call $upd (f32.demote_f64 (local.get $g)) (local.get $neu1e) (local.get $l2) (local.get $l1) (local.get $dim)))
                        (local.set $d (i32.add (local.get $d) (i32.const 1)))
                        (br $n)))))
                ;; skip-gram: hidden -> input for this context word
                (if (local.get $sg) (then (call $add (local.get $neu1e) (local.get $l1) (local.get $dim)))))
              (local.set $a (i32.add (local.get $a) (i32.const 1)))
              (br $pass)))
          ;; CBOW: every context word receives the whole error, as in word2vec.c
          (if (i32.eqz (local.get $sg))
            (then
              (local.set $a (local.get $b))
              (block $edone
                (loop $e
                  (br_if $edone (i32.ge_s (local.get $a) (local.get $aEnd)))
                  (block $enext
                    (br_if $enext (i32.eq (local.get $a) (local.get $window)))
                    (local.set $cpos (i32.add (i32.sub (local.get $sp) (local.get $window)) (local.get $a)))
                    (br_if $enext (i32.lt_s (local.get $cpos) (i32.const 0)))
                    (br_if $enext (i32.ge_s (local.get $cpos) (local.get $len)))
                    (call $add (local.get $neu1e)
                      (i32.add (local.get $syn0) (i32.mul (i32.load (i32.add (local.get $sen) (i32.shl (local.get $cpos) (i32.const 2)))) (local.get $row)))
                      (local.get $dim)))
                  (local.set $a (i32.add (local.get $a) (i32.const 1)))
                  (br $e))))))
        (local.set $sp (i32.add (local.get $sp) (i32.const 1)))
        (br $spos)))
    (global.set $rng (local.get $rng))
    (global.set $lr (local.get $alpha))
    (global.set $sink (i32.add (global.get $sink) (local.get $touch))))

  ;; Trains on $nLens sentences whose lengths are at $lens and words (ids) back to back at $words,
  ;; at learning rate $alpha; returns the words kept after subsampling. A sentence that keeps
  ;; $maxLen words (word2vec.c's MAX_SENTENCE_LENGTH) is trained and its rest read as the next
  ;; one; an empty sentence (nothing kept) still draws its window, as word2vec.c. $flags: 1 = the
  ;; last sentence continues in the next call (its kept words stay in $sen); 2 = this call starts a
  ;; batch, whose first position trains at $alphaFirst.
  (func (export "train") (param $nLens i32) (param $alpha f64) (param $alphaFirst f64) (param $flags i32) (result i32)
    (local $partial i32) (local $s i32) (local $pos i32) (local $end i32) (local $len i32) (local $kept i32) (local $w i32)
    (local $words i32) (local $lens i32) (local $sen i32) (local $sampleRan i32) (local $sample i32) (local $maxLen i32)
    (local.set $words (global.get $words))
    (local.set $lens (global.get $lens))
    (local.set $sen (global.get $sen))
    (local.set $sampleRan (global.get $sampleRan))
    (local.set $sample (global.get $sample))
    (local.set $maxLen (global.get $maxLen))
    (local.set $len (global.get $pending))
    (local.set $partial (i32.and (local.get $flags) (i32.const 1)))
    (if (i32.and (local.get $flags) (i32.const 2)) (then (global.set $lr (local.get $alphaFirst))))
    (block $done
      (loop $sent
        (br_if $done (i32.ge_u (local.get $s) (local.get $nLens)))
        (local.set $end (i32.add (local.get $pos) (i32.load (i32.add (local.get $lens) (i32.shl (local.get $s) (i32.const 2))))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (block $wdone
          (loop $word
            (br_if $wdone (i32.ge_u (local.get $pos) (local.get $end)))
            (local.set $w (i32.load (i32.add (local.get $words) (i32.shl (local.get $pos) (i32.const 2)))))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
            (block $keep
              (br_if $keep (i32.eqz (local.get $sample)))
              (global.set $rng (i64.add (i64.mul (global.get $rng) (i64.const 25214903917)) (i64.const 11)))
              ;; drop when ran < (next_random & 0xFFFF) / 65536 (exact in float32)
              (br_if $word (f32.lt
                (f32.load (i32.add (local.get $sampleRan) (i32.shl (local.get $w) (i32.const 2))))
                (f32.mul (f32.convert_i32_u (i32.and (i32.wrap_i64 (global.get $rng)) (i32.const 0xffff))) (f32.const 0x1p-16)))))
            (i32.store (i32.add (local.get $sen) (i32.shl (local.get $len) (i32.const 2))) (local.get $w))
            (local.set $len (i32.add (local.get $len) (i32.const 1)))
            (local.set $kept (i32.add (local.get $kept) (i32.const 1)))
            (if (i32.eq (local.get $len) (local.get $maxLen))
              (then
                (call $sentence (local.get $len) (local.get $alpha))
                (local.set $len (i32.const 0))))
            (br $word)))
        ;; the last sentence of a partial chunk stays pending
        (br_if $done (i32.and (local.get $partial) (i32.eq (local.get $s) (local.get $nLens))))
        (if (local.get $len)
          (then
            (call $sentence (local.get $len) (local.get $alpha))
            (local.set $len (i32.const 0)))
          (else
            ;; word2vec.c draws a window for an empty sentence (stale centre word, no context)
            (global.set $rng (i64.add (i64.mul (global.get $rng) (i64.const 25214903917)) (i64.const 11)))
            (global.set $lr (local.get $alpha))))
        (br $sent)))
    (global.set $pending (local.get $len))
    (local.get $kept))
)
