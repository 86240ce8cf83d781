"""Scanner plugins: the contract is in `interface`, the built-ins register like any third party."""
