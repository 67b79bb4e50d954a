/* critical.c — splits critical edges.
 *
 * An edge is critical when its source has several successors and its
 * target several predecessors: code generation could then place the moves
 * that resolve the target's phis neither at the end of the source (they
 * would run on the other path too) nor at the start of the target.  Each
 * such edge gets an empty Plain block of its own.  The new block takes the
 * old source's place in the target's predecessor list, so the phis' args
 * keep their order and need no change. */
#include "ssa/ssa.h"

/* Puts a new empty block on the edge b->succs[i]. */
static void split_edge(SsaFunc *f, Block *b, int i) {
    Block *s = b->succs[i];
    /* The k-th occurrence of s among b's successors is the k-th occurrence
     * of b among s's predecessors. */
    int k = 0;
    for (int j = 0; j < i; j++)
        k += b->succs[j] == s;
    int p = -1;
    for (int j = 0; j < s->npreds; j++) {
        if (s->preds[j] == b && k-- == 0) {
            p = j;
            break;
        }
    }
    if (p < 0)
        ssa_ice(b->pos, "b%u is not a predecessor of its successor b%u", b->id, s->id);
    Block *mid = ssa_block_new(f, BLOCK_PLAIN, s->pos);
    Block *tmp = b->succs[1 - i];
    /* ssa_block_add_edge appends: rebuild b's successors in order. */
    b->nsuccs = 0;
    if (i == 0) {
        ssa_block_add_edge(f, b, mid);
        b->succs[b->nsuccs++] = tmp;
    } else {
        b->succs[b->nsuccs++] = tmp;
        ssa_block_add_edge(f, b, mid);
    }
    mid->succs[mid->nsuccs++] = s;
    s->preds[p] = mid;
}

/* The pass: splits every critical edge. */
void ssa_pass_critical(SsaFunc *f) {
    int n = f->nblocks; /* the new blocks have no critical edge */
    for (int i = 0; i < n; i++) {
        Block *b = f->blocks[i];
        if (b->nsuccs < 2)
            continue;
        for (int j = 0; j < b->nsuccs; j++)
            if (b->succs[j]->npreds > 1)
                split_edge(f, b, j);
    }
}
