;; The wasm input gradient's scatter (wasmConvGrads.ts): one stride phase's convolution output,
;; [images, rows, cols, C] contiguous, copied into its pixels of dx, whose columns are `$dstCol`
;; bytes apart (stride × C·4). A copy, value for value; the JS loop it replaces moved ~1.2 ns a
;; value (3 of the 9 ms of the reference step's second input gradient).
;;
;; $bytes = C·4, a positive multiple of 16 (scatterSimd.ts checks: the loop copies once before it tests); the source advances $bytes a column,
;; $srcRow a row, $srcImage an image; the destination $dstCol, $dstRow, $dstImage.
(module
  (import "env" "memory" (memory 1))

  (func (export "scatter")
    (param $src i32) (param $dst i32) (param $images i32) (param $rows i32) (param $cols i32) (param $bytes i32)
    (param $srcImage i32) (param $srcRow i32) (param $dstImage i32) (param $dstRow i32) (param $dstCol i32)
    (local $r i32) (local $c i32) (local $k i32)
    (local $sr i32) (local $dr i32) (local $sp i32) (local $dp i32)
    (block $imagesDone
      (loop $image
        (br_if $imagesDone (i32.eqz (local.get $images)))
        (local.set $sr (local.get $src))
        (local.set $dr (local.get $dst))
        (local.set $r (local.get $rows))
        (block $rowsDone
          (loop $row
            (br_if $rowsDone (i32.eqz (local.get $r)))
            (local.set $sp (local.get $sr))
            (local.set $dp (local.get $dr))
            (local.set $c (local.get $cols))
            (block $colsDone
              (loop $col
                (br_if $colsDone (i32.eqz (local.get $c)))
                (local.set $k (i32.const 0))
                (loop $chunk
                  (v128.store align=4 (i32.add (local.get $dp) (local.get $k))
                    (v128.load align=4 (i32.add (local.get $sp) (local.get $k))))
                  (local.set $k (i32.add (local.get $k) (i32.const 16)))
                  (br_if $chunk (i32.lt_u (local.get $k) (local.get $bytes))))
                (local.set $sp (i32.add (local.get $sp) (local.get $bytes)))
                (local.set $dp (i32.add (local.get $dp) (local.get $dstCol)))
                (local.set $c (i32.sub (local.get $c) (i32.const 1)))
                (br $col)))
            (local.set $sr (i32.add (local.get $sr) (local.get $srcRow)))
            (local.set $dr (i32.add (local.get $dr) (local.get $dstRow)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $row)))
        (local.set $src (i32.add (local.get $src) (local.get $srcImage)))
        (local.set $dst (i32.add (local.get $dst) (local.get $dstImage)))
        (local.set $images (i32.sub (local.get $images) (i32.const 1)))
        (br $image))))
)
