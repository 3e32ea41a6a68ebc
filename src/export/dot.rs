//! Graphviz DOT. (Skeleton.)
