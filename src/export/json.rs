//! The JSON format of ../shared/GRAPH-FORMAT.md, written and read. (Skeleton.)
