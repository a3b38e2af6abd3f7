;; The per-value loops of the fused BN kernels (wasmFusedBn.ts) for two channels at once, one
;; float64 lane each: every lane computes exactly what the JS loop computes for its channel, in the
;; same order and precision (float64 sums, float32 stores rounded to nearest), so the kernels are
;; bit for bit the JS ones; the per-channel scalars (means, scales, coefficients) stay in JS.
;;
;; Layout [rows, C], channel fastest: a pair's values are 8 bytes at $x, then every $stride bytes
;; (C·4). $res / $dres are read / written only with $residual ≠ 0, $alpha only with $prelu ≠ 0.
;; Scalars come in per lane (…0 for the first channel, …1 for the second); results that JS reads
;; back are stored as float64 at $out. Loads, stores and lane pairs are written out in place: V8
;; does not inline calls between wasm functions (measured: helpers made the loops 1.7× slower).
(module
  (import "env" "memory" (memory 1))

  ;; moments: d = x − x[first row]; Σd and Σd² per lane → $out [Σd0, Σd1, Σd²0, Σd²1].
  (func (export "sums") (param $x i32) (param $rows i32) (param $stride i32) (param $out i32)
    (local $shift v128) (local $d v128) (local $sum v128) (local $sq v128)
    (local.set $shift (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (local.get $x))))
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $d (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (local.get $x))) (local.get $shift)))
        (local.set $sum (f64x2.add (local.get $sum) (local.get $d)))
        (local.set $sq (f64x2.add (local.get $sq) (f64x2.mul (local.get $d) (local.get $d))))
        (local.set $x (i32.add (local.get $x) (local.get $stride)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row)))
    (v128.store align=8 (local.get $out) (local.get $sum))
    (v128.store offset=16 align=8 (local.get $out) (local.get $sq)))

  ;; y = z, or PReLU(z) = p + α·(z − p) with p = (z + |z|)/2, for z = (x − m)·scale + β + r,
  ;; r the residual or +0.
  (func (export "normalize")
    (param $x i32) (param $res i32) (param $y i32) (param $rows i32) (param $stride i32)
    (param $m0 f64) (param $m1 f64) (param $s0 f64) (param $s1 f64)
    (param $b0 f64) (param $b1 f64) (param $a0 f64) (param $a1 f64)
    (param $prelu i32) (param $residual i32)
    (local $m v128) (local $s v128) (local $b v128) (local $a v128) (local $z v128) (local $p v128)
    (local $r v128) (local $off i32)
    (local.set $m (f64x2.replace_lane 1 (f64x2.splat (local.get $m0)) (local.get $m1)))
    (local.set $s (f64x2.replace_lane 1 (f64x2.splat (local.get $s0)) (local.get $s1)))
    (local.set $b (f64x2.replace_lane 1 (f64x2.splat (local.get $b0)) (local.get $b1)))
    (local.set $a (f64x2.replace_lane 1 (f64x2.splat (local.get $a0)) (local.get $a1)))
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $r (f64x2.splat (f64.const 0)))
        (if (local.get $residual)
          (then (local.set $r (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $res) (local.get $off)))))))
        (local.set $z
          (f64x2.add
            (f64x2.add
              (f64x2.mul (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $x) (local.get $off)))) (local.get $m)) (local.get $s))
              (local.get $b))
            (local.get $r)))
        (if (local.get $prelu)
          (then
            (local.set $p (f64x2.mul (f64x2.splat (f64.const 0.5)) (f64x2.add (local.get $z) (f64x2.abs (local.get $z)))))
            (local.set $z (f64x2.add (local.get $p) (f64x2.mul (local.get $a) (f64x2.sub (local.get $z) (local.get $p)))))))
        (v128.store64_lane align=4 0 (i32.add (local.get $y) (local.get $off)) (f32x4.demote_f64x2_zero (local.get $z)))
        (local.set $off (i32.add (local.get $off) (local.get $stride)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))

  ;; Backward, pass 1: d = x − m; g = dy, times PReLU'(z) = α + (1 − α)·[z > 0] with
  ;; Σ dy·½·(z − |z|) beside; g → dx (and dres) as float32; Σg and Σ g·d·inv as float64.
  ;; $out ← [Σg·d·inv ×2, Σg ×2, Σ dy·min(z, 0) ×2].
  (func (export "gradSums")
    (param $x i32) (param $dy i32) (param $res i32) (param $dx i32) (param $dres i32)
    (param $rows i32) (param $stride i32)
    (param $m0 f64) (param $m1 f64) (param $s0 f64) (param $s1 f64)
    (param $b0 f64) (param $b1 f64) (param $a0 f64) (param $a1 f64)
    (param $i0 f64) (param $i1 f64)
    (param $prelu i32) (param $residual i32) (param $out i32)
    (local $m v128) (local $s v128) (local $b v128) (local $a v128) (local $inv v128)
    (local $d v128) (local $g v128) (local $z v128) (local $r v128)
    (local $sumG v128) (local $sumGx v128) (local $sumA v128) (local $off i32)
    (local.set $m (f64x2.replace_lane 1 (f64x2.splat (local.get $m0)) (local.get $m1)))
    (local.set $s (f64x2.replace_lane 1 (f64x2.splat (local.get $s0)) (local.get $s1)))
    (local.set $b (f64x2.replace_lane 1 (f64x2.splat (local.get $b0)) (local.get $b1)))
    (local.set $a (f64x2.replace_lane 1 (f64x2.splat (local.get $a0)) (local.get $a1)))
    (local.set $inv (f64x2.replace_lane 1 (f64x2.splat (local.get $i0)) (local.get $i1)))
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $d (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $x) (local.get $off)))) (local.get $m)))
        (local.set $g (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $dy) (local.get $off)))))
        (if (local.get $prelu)
          (then
            (local.set $r (f64x2.splat (f64.const 0)))
            (if (local.get $residual)
              (then (local.set $r (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $res) (local.get $off)))))))
            (local.set $z (f64x2.add (f64x2.add (f64x2.mul (local.get $d) (local.get $s)) (local.get $b)) (local.get $r)))
            (local.set $sumA
              (f64x2.add (local.get $sumA)
                (f64x2.mul
                  (f64x2.mul (local.get $g) (f64x2.splat (f64.const 0.5)))
                  (f64x2.sub (local.get $z) (f64x2.abs (local.get $z))))))
            (local.set $g
              (f64x2.mul (local.get $g)
                (f64x2.add (local.get $a)
                  (f64x2.mul
                    (f64x2.sub (f64x2.splat (f64.const 1)) (local.get $a))
                    (v128.and (f64x2.gt (local.get $z) (f64x2.splat (f64.const 0))) (f64x2.splat (f64.const 1)))))))))
        (v128.store64_lane align=4 0 (i32.add (local.get $dx) (local.get $off)) (f32x4.demote_f64x2_zero (local.get $g)))
        (if (local.get $residual)
          (then (v128.store64_lane align=4 0 (i32.add (local.get $dres) (local.get $off)) (f32x4.demote_f64x2_zero (local.get $g)))))
        (local.set $sumG (f64x2.add (local.get $sumG) (local.get $g)))
        (local.set $sumGx (f64x2.add (local.get $sumGx) (f64x2.mul (f64x2.mul (local.get $g) (local.get $d)) (local.get $inv))))
        (local.set $off (i32.add (local.get $off) (local.get $stride)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row)))
    (v128.store align=8 (local.get $out) (local.get $sumGx))
    (v128.store offset=16 align=8 (local.get $out) (local.get $sumG))
    (v128.store offset=32 align=8 (local.get $out) (local.get $sumA)))

  ;; Backward, pass 2: dx = coef·(n·g − Σg − x̂·Σg·x̂), x̂ = (x − m)·inv, g the float32 of pass 1.
  (func (export "gradApply")
    (param $x i32) (param $dx i32) (param $rows i32) (param $stride i32)
    (param $m0 f64) (param $m1 f64) (param $i0 f64) (param $i1 f64)
    (param $c0 f64) (param $c1 f64) (param $n f64)
    (param $g0 f64) (param $g1 f64) (param $gx0 f64) (param $gx1 f64)
    (local $m v128) (local $inv v128) (local $coef v128) (local $sumG v128) (local $sumGx v128)
    (local $xhat v128) (local $off i32) (local $p i32)
    (local.set $m (f64x2.replace_lane 1 (f64x2.splat (local.get $m0)) (local.get $m1)))
    (local.set $inv (f64x2.replace_lane 1 (f64x2.splat (local.get $i0)) (local.get $i1)))
    (local.set $coef (f64x2.replace_lane 1 (f64x2.splat (local.get $c0)) (local.get $c1)))
    (local.set $sumG (f64x2.replace_lane 1 (f64x2.splat (local.get $g0)) (local.get $g1)))
    (local.set $sumGx (f64x2.replace_lane 1 (f64x2.splat (local.get $gx0)) (local.get $gx1)))
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $xhat (f64x2.mul (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $x) (local.get $off)))) (local.get $m)) (local.get $inv)))
        (local.set $p (i32.add (local.get $dx) (local.get $off)))
        (v128.store64_lane align=4 0 (local.get $p) (f32x4.demote_f64x2_zero (f64x2.mul (local.get $coef)
            (f64x2.sub
              (f64x2.sub (f64x2.mul (f64x2.splat (local.get $n)) (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (local.get $p)))) (local.get $sumG))
              (f64x2.mul (local.get $xhat) (local.get $sumGx))))))
        (local.set $off (i32.add (local.get $off) (local.get $stride)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))
)
