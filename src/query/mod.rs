//! Questions asked of a resolved graph. (Skeleton.)
