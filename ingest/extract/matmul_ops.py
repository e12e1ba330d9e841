"""Thinc's numpy backend with its matrix products done by numpy (OpenBLAS)
instead of blis: on this machine the products of the tok2vec and the NER's
precomputed layer (e.g. 15k x 240 by 240 x 96) take 2.2-2.5x less CPU time,
and they were the largest single cost of extraction. Same numbers up to
float rounding; the extracted mentions are identical on the seeds and the
gold dev splits (tests/test_extract_speed.py)."""
from __future__ import annotations

import numpy
from thinc.api import NumpyOps, registry


@registry.ops("MatmulOps")
class MatmulOps(NumpyOps):
    name = "numpy_matmul"

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def use_matmul_ops(nlp) -> None:
    """Every thinc layer of `nlp`'s trained components computes with MatmulOps."""
    ops = MatmulOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
