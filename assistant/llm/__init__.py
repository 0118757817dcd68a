"""The optional generative model: configuration, one small chat protocol, verified use."""
