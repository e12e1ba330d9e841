"""Word lists the rule components share: generic words that are not entity
names on their own, and head nouns that reveal an entity's label."""
from __future__ import annotations

DETERMINERS = {
    "the", "a", "an", "this", "these", "those", "that", "our", "their", "its", "his", "her", "my",
    "your", "each", "every", "any", "some", "such", "both", "all", "several", "various", "many",
    "most", "other", "another", "which", "whose", "one",
}
GENERIC_HEADS = {
    "approach", "approaches", "method", "methods", "methodology", "model", "models", "framework",
    "frameworks", "system", "systems", "technique", "techniques", "algorithm", "algorithms",
    "architecture", "architectures", "network", "networks", "dataset", "datasets", "benchmark",
    "benchmarks", "task", "tasks", "metric", "metrics", "data", "corpus", "corpora", "baseline",
    "baselines", "pipeline", "pipelines", "module", "modules", "strategy", "strategies", "scheme",
    "mechanism", "paradigm", "solution", "solutions", "tool", "tools", "result", "results",
    "performance", "problem", "problems", "work", "works", "paper", "study", "experiment",
    "experiments", "analysis", "evaluation", "evaluations", "training", "procedure", "process",
    "design", "variant", "variants", "version", "component", "components", "setting", "settings",
    "formulation", "idea", "way", "ways", "one", "ones", "former", "latter", "it", "they", "them",
    "we", "us", "itself", "themselves", "which", "what", "who", "this", "these", "those", "that",
    "measure", "measures", "score", "scores", "set", "sets", "collection", "suite", "resource",
    "resources", "application", "applications", "domain", "domains", "example", "examples",
    "generation", "objective", "objectives", "loss", "function", "functions", "representation", "representations",
    "feature", "features", "agent", "agents", "policy", "policies", "family", "implementation",
}
GENERIC_MODIFIERS = {
    "novel", "new", "proposed", "simple", "effective", "efficient", "unified", "general", "generic",
    "existing", "previous", "prior", "current", "state-of-the-art", "sota", "strong", "standard",
    "traditional", "conventional", "different", "same", "similar", "first", "second", "third",
    "two", "three", "four", "large", "small", "big", "popular", "common", "typical", "original",
    "above", "following", "resulting", "underlying", "overall", "whole", "entire", "specific",
    "powerful", "robust", "scalable", "lightweight", "flexible", "modern", "recent", "advanced",
    "final", "full", "main", "key", "core", "base", "basic", "naive", "vanilla", "improved",
    "learning", "based", "-", "yet", "and", "or", "more", "most", "highly", "very", "well",
    "widely", "used", "known", "well-known", "public", "publicly", "available", "open",
    "open-source", "diverse", "extensive", "comprehensive", "challenging", "multiple", "numerous",
    "real-world", "downstream", "theoretical", "empirical", "experimental", "next-generation", "benchmark", "evaluation", "training", "test", "testing",
}
# Head nouns of a name that tell its label ("the Kinetics dataset").
RESOURCE_HEADS = {"dataset", "datasets", "corpus", "corpora", "collection", "database", "treebank"}
BENCHMARK_HEADS = {"benchmark", "benchmarks", "suite", "leaderboard", "testbed", "challenge", "arena"}
LABEL_BY_HEAD = {
    **{w: "DATASET" for w in RESOURCE_HEADS},
    **{w: "BENCHMARK" for w in BENCHMARK_HEADS},
    **{w: "METHOD" for w in (
        "model", "models", "network", "networks", "net", "transformer", "transformers", "algorithm",
        "encoder", "decoder", "autoencoder", "optimization", "optimizer", "attention", "learning",
        "regression", "embedding", "embeddings", "tuning", "fine-tuning", "distillation", "sampling",
        "search", "decoding", "framework", "architecture", "machine", "policy", "method", "approach",
    )},
    **{w: "TASK" for w in (
        "detection", "recognition", "segmentation", "classification", "generation", "estimation",
        "translation", "answering", "retrieval", "prediction", "forecasting", "summarization",
        "parsing", "tracking", "captioning", "synthesis", "reconstruction", "understanding",
        "reasoning", "localization", "extraction", "completion", "editing", "navigation",
    )},
    **{w: "METRIC" for w in (
        "score", "rate", "error", "accuracy", "distance", "precision", "recall", "divergence",
        "perplexity", "similarity", "ratio",
    )},
}
