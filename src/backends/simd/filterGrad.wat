;; The wasm filter gradient's product, dW[ky, kx, c, co] = Σ_n x[n shifted by the tap, c] · dy[n, co],
;; read straight from x and dy in NHWC: no patch matrix, and no packed copy of dy (XNNPACK packs its
;; second operand on every call, ~3.4 ns a value). Driven per tap and tile by filterGradSimd.ts.
;;
;; One call sums one tile: R input channels (4 consecutive, or 1) × 8 or 4 output channels (16 for
;; one input channel, whose tile has the fewest products per load), over
;; the tap's valid output positions n = (image, row, column), in that order, as f32 products added
;; to one f32 accumulator per output value starting at +0: the order and rounding of XNNPACK's
;; GEMM over an im2col matrix, whose padding entries add exact zeros (skipped here): bit for bit
;; for finite x and dy (an infinite dy met by padding gave NaN there, a number here).
;;
;; Arguments (byte addresses and byte steps on the backend's heap):
;;   $x   x at the tile's first channel and the tap's first valid position of image 0
;;   $dy  dy at the tile's first output channel and that position
;;   $dw  dW at (tap, first channel, first output channel); $dwRow = Cout·4
;;   $images, $rows, $cols: the valid positions per image (rows × cols)
;;   $xImage, $xRow, $xCol: x's step to the next image, valid row (sh·W·Cin·4), column (sw·Cin·4)
;;   $dyImage, $dyRow, $dyCol: the same for dy (Ho·Wo·Cout·4, Wo·Cout·4, Cout·4)
;; The memory is imported: the tfjs backend's own (shared in its threaded build: vite.wat.ts
;; assembles a second binary whose import is "(memory 1 65536 shared)").
(module
  (import "env" "memory" (memory 1))

  (func (export "tile4x8")
    (param $x i32) (param $dy i32) (param $dw i32) (param $dwRow i32)
    (param $images i32) (param $rows i32) (param $cols i32)
    (param $xImage i32) (param $xRow i32) (param $xCol i32)
    (param $dyImage i32) (param $dyRow i32) (param $dyCol i32)
    (local $b i32) (local $r i32) (local $c i32)
    (local $xr i32) (local $dr i32) (local $xp i32) (local $dp i32)
    (local $v v128) (local $d0 v128) (local $d1 v128) (local $s v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $b (local.get $images))
    (block $imagesDone
      (loop $image
        (br_if $imagesDone (i32.eqz (local.get $b)))
        (local.set $xr (local.get $x))
        (local.set $dr (local.get $dy))
        (local.set $r (local.get $rows))
        (block $rowsDone
          (loop $row
            (br_if $rowsDone (i32.eqz (local.get $r)))
            (local.set $xp (local.get $xr))
            (local.set $dp (local.get $dr))
            (local.set $c (local.get $cols))
            (block $colsDone
              (loop $col
                (br_if $colsDone (i32.eqz (local.get $c)))
                (local.set $v (v128.load align=4 (local.get $xp)))
                (local.set $d0 (v128.load align=4 (local.get $dp)))
                (local.set $d1 (v128.load offset=16 align=4 (local.get $dp)))
                (local.set $s (i8x16.shuffle 0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 3 (local.get $v) (local.get $v)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (local.get $d0))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (local.get $d1))))
                (local.set $s (i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 (local.get $v) (local.get $v)))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $s) (local.get $d0))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $s) (local.get $d1))))
                (local.set $s (i8x16.shuffle 8 9 10 11 8 9 10 11 8 9 10 11 8 9 10 11 (local.get $v) (local.get $v)))
                (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $s) (local.get $d0))))
                (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $s) (local.get $d1))))
                (local.set $s (i8x16.shuffle 12 13 14 15 12 13 14 15 12 13 14 15 12 13 14 15 (local.get $v) (local.get $v)))
                (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (local.get $s) (local.get $d0))))
                (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (local.get $s) (local.get $d1))))
                (local.set $xp (i32.add (local.get $xp) (local.get $xCol)))
                (local.set $dp (i32.add (local.get $dp) (local.get $dyCol)))
                (local.set $c (i32.sub (local.get $c) (i32.const 1)))
                (br $col)))
            (local.set $xr (i32.add (local.get $xr) (local.get $xRow)))
            (local.set $dr (i32.add (local.get $dr) (local.get $dyRow)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $row)))
        (local.set $x (i32.add (local.get $x) (local.get $xImage)))
        (local.set $dy (i32.add (local.get $dy) (local.get $dyImage)))
        (local.set $b (i32.sub (local.get $b) (i32.const 1)))
        (br $image)))
    (v128.store align=4 (local.get $dw) (local.get $a0))
    (v128.store offset=16 align=4 (local.get $dw) (local.get $a1))
    (local.set $dw (i32.add (local.get $dw) (local.get $dwRow)))
    (v128.store align=4 (local.get $dw) (local.get $a2))
    (v128.store offset=16 align=4 (local.get $dw) (local.get $a3))
    (local.set $dw (i32.add (local.get $dw) (local.get $dwRow)))
    (v128.store align=4 (local.get $dw) (local.get $a4))
    (v128.store offset=16 align=4 (local.get $dw) (local.get $a5))
    (local.set $dw (i32.add (local.get $dw) (local.get $dwRow)))
    (v128.store align=4 (local.get $dw) (local.get $a6))
    (v128.store offset=16 align=4 (local.get $dw) (local.get $a7)))

  (func (export "tile1x8")
    (param $x i32) (param $dy i32) (param $dw i32) (param $dwRow i32)
    (param $images i32) (param $rows i32) (param $cols i32)
    (param $xImage i32) (param $xRow i32) (param $xCol i32)
    (param $dyImage i32) (param $dyRow i32) (param $dyCol i32)
    (local $b i32) (local $r i32) (local $c i32)
    (local $xr i32) (local $dr i32) (local $xp i32) (local $dp i32)
    (local $s v128) (local $a0 v128) (local $a1 v128)
    (local.set $b (local.get $images))
    (block $imagesDone
      (loop $image
        (br_if $imagesDone (i32.eqz (local.get $b)))
        (local.set $xr (local.get $x))
        (local.set $dr (local.get $dy))
        (local.set $r (local.get $rows))
        (block $rowsDone
          (loop $row
            (br_if $rowsDone (i32.eqz (local.get $r)))
            (local.set $xp (local.get $xr))
            (local.set $dp (local.get $dr))
            (local.set $c (local.get $cols))
            (block $colsDone
              (loop $col
                (br_if $colsDone (i32.eqz (local.get $c)))
                (local.set $s (v128.load32_splat align=4 (local.get $xp)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (v128.load align=4 (local.get $dp)))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (v128.load offset=16 align=4 (local.get $dp)))))
                (local.set $xp (i32.add (local.get $xp) (local.get $xCol)))
                (local.set $dp (i32.add (local.get $dp) (local.get $dyCol)))
                (local.set $c (i32.sub (local.get $c) (i32.const 1)))
                (br $col)))
            (local.set $xr (i32.add (local.get $xr) (local.get $xRow)))
            (local.set $dr (i32.add (local.get $dr) (local.get $dyRow)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $row)))
        (local.set $x (i32.add (local.get $x) (local.get $xImage)))
        (local.set $dy (i32.add (local.get $dy) (local.get $dyImage)))
        (local.set $b (i32.sub (local.get $b) (i32.const 1)))
        (br $image)))
    (v128.store align=4 (local.get $dw) (local.get $a0))
    (v128.store offset=16 align=4 (local.get $dw) (local.get $a1)))

  (func (export "tile1x16")
    (param $x i32) (param $dy i32) (param $dw i32) (param $dwRow i32)
    (param $images i32) (param $rows i32) (param $cols i32)
    (param $xImage i32) (param $xRow i32) (param $xCol i32)
    (param $dyImage i32) (param $dyRow i32) (param $dyCol i32)
    (local $b i32) (local $r i32) (local $c i32)
    (local $xr i32) (local $dr i32) (local $xp i32) (local $dp i32)
    (local $s v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $b (local.get $images))
    (block $imagesDone
      (loop $image
        (br_if $imagesDone (i32.eqz (local.get $b)))
        (local.set $xr (local.get $x))
        (local.set $dr (local.get $dy))
        (local.set $r (local.get $rows))
        (block $rowsDone
          (loop $row
            (br_if $rowsDone (i32.eqz (local.get $r)))
            (local.set $xp (local.get $xr))
            (local.set $dp (local.get $dr))
            (local.set $c (local.get $cols))
            (block $colsDone
              (loop $col
                (br_if $colsDone (i32.eqz (local.get $c)))
                (local.set $s (v128.load32_splat align=4 (local.get $xp)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (v128.load align=4 (local.get $dp)))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (v128.load offset=16 align=4 (local.get $dp)))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $s) (v128.load offset=32 align=4 (local.get $dp)))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $s) (v128.load offset=48 align=4 (local.get $dp)))))
                (local.set $xp (i32.add (local.get $xp) (local.get $xCol)))
                (local.set $dp (i32.add (local.get $dp) (local.get $dyCol)))
                (local.set $c (i32.sub (local.get $c) (i32.const 1)))
                (br $col)))
            (local.set $xr (i32.add (local.get $xr) (local.get $xRow)))
            (local.set $dr (i32.add (local.get $dr) (local.get $dyRow)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $row)))
        (local.set $x (i32.add (local.get $x) (local.get $xImage)))
        (local.set $dy (i32.add (local.get $dy) (local.get $dyImage)))
        (local.set $b (i32.sub (local.get $b) (i32.const 1)))
        (br $image)))
    (v128.store align=4 (local.get $dw) (local.get $a0))
    (v128.store offset=16 align=4 (local.get $dw) (local.get $a1))
    (v128.store offset=32 align=4 (local.get $dw) (local.get $a2))
    (v128.store offset=48 align=4 (local.get $dw) (local.get $a3)))

  (func (export "tile4x4")
    (param $x i32) (param $dy i32) (param $dw i32) (param $dwRow i32)
    (param $images i32) (param $rows i32) (param $cols i32)
    (param $xImage i32) (param $xRow i32) (param $xCol i32)
    (param $dyImage i32) (param $dyRow i32) (param $dyCol i32)
    (local $b i32) (local $r i32) (local $c i32)
    (local $xr i32) (local $dr i32) (local $xp i32) (local $dp i32)
    (local $v v128) (local $d0 v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $b (local.get $images))
    (block $imagesDone
      (loop $image
        (br_if $imagesDone (i32.eqz (local.get $b)))
        (local.set $xr (local.get $x))
        (local.set $dr (local.get $dy))
        (local.set $r (local.get $rows))
        (block $rowsDone
          (loop $row
            (br_if $rowsDone (i32.eqz (local.get $r)))
            (local.set $xp (local.get $xr))
            (local.set $dp (local.get $dr))
            (local.set $c (local.get $cols))
            (block $colsDone
              (loop $col
                (br_if $colsDone (i32.eqz (local.get $c)))
                (local.set $v (v128.load align=4 (local.get $xp)))
                (local.set $d0 (v128.load align=4 (local.get $dp)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (i8x16.shuffle 0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 3 (local.get $v) (local.get $v)) (local.get $d0))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 (local.get $v) (local.get $v)) (local.get $d0))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (i8x16.shuffle 8 9 10 11 8 9 10 11 8 9 10 11 8 9 10 11 (local.get $v) (local.get $v)) (local.get $d0))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (i8x16.shuffle 12 13 14 15 12 13 14 15 12 13 14 15 12 13 14 15 (local.get $v) (local.get $v)) (local.get $d0))))
                (local.set $xp (i32.add (local.get $xp) (local.get $xCol)))
                (local.set $dp (i32.add (local.get $dp) (local.get $dyCol)))
                (local.set $c (i32.sub (local.get $c) (i32.const 1)))
                (br $col)))
            (local.set $xr (i32.add (local.get $xr) (local.get $xRow)))
            (local.set $dr (i32.add (local.get $dr) (local.get $dyRow)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $row)))
        (local.set $x (i32.add (local.get $x) (local.get $xImage)))
        (local.set $dy (i32.add (local.get $dy) (local.get $dyImage)))
        (local.set $b (i32.sub (local.get $b) (i32.const 1)))
        (br $image)))
    (v128.store align=4 (local.get $dw) (local.get $a0))
    (local.set $dw (i32.add (local.get $dw) (local.get $dwRow)))
    (v128.store align=4 (local.get $dw) (local.get $a1))
    (local.set $dw (i32.add (local.get $dw) (local.get $dwRow)))
    (v128.store align=4 (local.get $dw) (local.get $a2))
    (local.set $dw (i32.add (local.get $dw) (local.get $dwRow)))
    (v128.store align=4 (local.get $dw) (local.get $a3)))

  (func (export "tile1x4")
    (param $x i32) (param $dy i32) (param $dw i32) (param $dwRow i32)
    (param $images i32) (param $rows i32) (param $cols i32)
    (param $xImage i32) (param $xRow i32) (param $xCol i32)
    (param $dyImage i32) (param $dyRow i32) (param $dyCol i32)
    (local $b i32) (local $r i32) (local $c i32)
    (local $xr i32) (local $dr i32) (local $xp i32) (local $dp i32)
    (local $a0 v128)
    (local.set $b (local.get $images))
    (block $imagesDone
      (loop $image
        (br_if $imagesDone (i32.eqz (local.get $b)))
        (local.set $xr (local.get $x))
        (local.set $dr (local.get $dy))
        (local.set $r (local.get $rows))
        (block $rowsDone
          (loop $row
            (br_if $rowsDone (i32.eqz (local.get $r)))
            (local.set $xp (local.get $xr))
            (local.set $dp (local.get $dr))
            (local.set $c (local.get $cols))
            (block $colsDone
              (loop $col
                (br_if $colsDone (i32.eqz (local.get $c)))
                (local.set $a0 (f32x4.add (local.get $a0)
                  (f32x4.mul (v128.load32_splat align=4 (local.get $xp)) (v128.load align=4 (local.get $dp)))))
                (local.set $xp (i32.add (local.get $xp) (local.get $xCol)))
                (local.set $dp (i32.add (local.get $dp) (local.get $dyCol)))
                (local.set $c (i32.sub (local.get $c) (i32.const 1)))
                (br $col)))
            (local.set $xr (i32.add (local.get $xr) (local.get $xRow)))
            (local.set $dr (i32.add (local.get $dr) (local.get $dyRow)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $row)))
        (local.set $x (i32.add (local.get $x) (local.get $xImage)))
        (local.set $dy (i32.add (local.get $dy) (local.get $dyImage)))
        (local.set $b (i32.sub (local.get $b) (i32.const 1)))
        (br $image)))
    (v128.store align=4 (local.get $dw) (local.get $a0)))
)
