/* dom.c — block order and dominators.
 *
 * ssa_order_blocks lays the blocks out in reverse postorder and removes the
 * ones the entry cannot reach; ssa_dominators computes immediate dominators
 * with Cooper, Harvey and Kennedy's iterative algorithm ("A Simple, Fast
 * Dominance Algorithm", 2001) over reverse-postorder numbers.  Arrays are
 * indexed by b->order, which must be b's index in f->blocks; results are
 * allocated in the scratch region and die with the pass that asked. */
#include "ssa/ssa.h"

#include <string.h>

/* A depth-first walk's frame: the block and the next successor to visit. */
typedef struct DfsFrame {
    Block *b;
    int next;
} DfsFrame;

/* Fills post with the blocks reachable from the entry in postorder and
 * returns their number.  Successors are visited last first, so that in
 * reverse postorder a block's first successor comes right after it where
 * the flow allows.  seen is indexed by order and must be zeroed. */
static int postorder(const SsaFunc *f, Arena *a, bool *seen, Block **post) {
    if (f->nblocks == 0)
        return 0;
    DfsFrame *stack = ARENA_NEW_ARRAY(a, DfsFrame, f->nblocks);
    int sp = 0, n = 0;
    stack[sp++] = (DfsFrame){f->blocks[0], f->blocks[0]->nsuccs - 1};
    seen[0] = true;
    while (sp > 0) {
        DfsFrame *top = &stack[sp - 1];
        if (top->next >= 0) {
            Block *s = top->b->succs[top->next--];
            if (!seen[s->order]) {
                seen[s->order] = true;
                stack[sp++] = (DfsFrame){s, s->nsuccs - 1};
            }
            continue;
        }
        post[n++] = top->b;
        sp--;
    }
    return n;
}

/* Lays f's blocks out in reverse postorder from the entry and frees the
 * unreachable ones, removing their edges into reachable blocks (and the
 * matching phi args there). */
void ssa_order_blocks(SsaFunc *f) {
    Arena *scratch = mem_scratch(f->mem);
    ArenaMark mark = arena_mark(scratch);
    int nb = f->nblocks;
    for (int i = 0; i < nb; i++)
        f->blocks[i]->order = i;
    bool *seen = ARENA_NEW_ARRAY(scratch, bool, nb > 0 ? nb : 1);
    Block **post = ARENA_NEW_ARRAY(scratch, Block *, nb > 0 ? nb : 1);
    int n = postorder(f, scratch, seen, post);
    if (n < nb) {
        /* Dead values may use each other: drop every use first. */
        for (int i = 0; i < nb; i++) {
            Block *b = f->blocks[i];
            if (seen[i])
                continue;
            ssa_block_reset_controls(b);
            for (int j = 0; j < b->nvalues; j++)
                ssa_value_reset_args(b->values[j]);
        }
        for (int i = 0; i < nb; i++) {
            Block *b = f->blocks[i];
            if (seen[i])
                continue;
            while (b->nsuccs > 0)
                ssa_block_remove_succ(b, b->nsuccs - 1);
        }
        for (int i = 0; i < nb; i++) {
            Block *b = f->blocks[i];
            if (seen[i])
                continue;
            if (b->npreds != 0)
                ssa_ice(b->pos, "unreachable b%u still has predecessors", b->id);
            while (b->nvalues > 0) {
                Value *v = b->values[b->nvalues - 1];
                if (v->uses != 0)
                    ssa_ice(v->pos, "v%u of unreachable b%u is used by reachable code", v->id, b->id);
                ssa_value_free(f, v);
            }
            b->kind = BLOCK_INVALID;
            pool_put(&f->mem->pools[MEM_POOL_BLOCK], b);
        }
    }
    bool moved = n < nb;
    for (int i = 0; i < n; i++) {
        Block *b = post[n - 1 - i];
        moved |= f->blocks[i] != b;
        f->blocks[i] = b;
        b->order = i;
    }
    for (int i = n; i < nb; i++)
        f->blocks[i] = NULL;
    f->nblocks = n;
    if (moved)
        f->cfg_version++;
    f->rpo_version = f->cfg_version;
    arena_release(scratch, mark);
}

/* Walks two fingers up the dominator tree (by reverse-postorder number)
 * to their nearest common dominator. */
static int intersect(const int *idom, int a, int b) {
    while (a != b) {
        while (a > b)
            a = idom[a];
        while (b > a)
            b = idom[b];
    }
    return a;
}

/* Returns the immediate dominator of each block, indexed by order, in
 * arena out (its temporaries in scratch): NULL for the entry and for
 * blocks the entry does not reach. */
static Block **dominators_in(SsaFunc *f, Arena *out) {
    Arena *scratch = mem_scratch(f->mem);
    int nb = f->nblocks;
    Block **idom = ARENA_NEW_ARRAY(out, Block *, nb > 0 ? nb : 1);
    if (nb == 0)
        return idom;
    ArenaMark mark = arena_mark(scratch);
    bool *seen = ARENA_NEW_ARRAY(scratch, bool, nb);
    Block **post = ARENA_NEW_ARRAY(scratch, Block *, nb);
    int n = postorder(f, scratch, seen, post);
    /* rpo[i] is the i-th block in reverse postorder; num maps back. */
    Block **rpo = ARENA_NEW_ARRAY(scratch, Block *, n);
    int *num = ARENA_NEW_ARRAY(scratch, int, nb);
    int *dom = ARENA_NEW_ARRAY(scratch, int, n);
    for (int i = 0; i < nb; i++)
        num[i] = -1;
    for (int i = 0; i < n; i++) {
        rpo[i] = post[n - 1 - i];
        num[rpo[i]->order] = i;
        dom[i] = -1;
    }
    dom[0] = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 1; i < n; i++) {
            Block *b = rpo[i];
            int d = -1;
            for (int j = 0; j < b->npreds; j++) {
                int p = num[b->preds[j]->order];
                if (p < 0 || dom[p] < 0)
                    continue;
                d = d < 0 ? p : intersect(dom, p, d);
            }
            if (d != dom[i]) {
                dom[i] = d;
                changed = true;
            }
        }
    }
    for (int i = 1; i < n; i++)
        idom[rpo[i]->order] = rpo[dom[i]];
    arena_release(scratch, mark);
    return idom;
}

/* Returns the immediate dominator of each block, indexed by order
 * (scratch): NULL for the entry and for blocks the entry does not reach. */
Block **ssa_dominators(SsaFunc *f) {
    return dominators_in(f, mem_scratch(f->mem));
}

/* Whether a dominates b (every block dominates itself). */
bool ssa_dominates(Block *const *idom, const Block *a, const Block *b) {
    for (const Block *x = b; x; x = idom[x->order])
        if (x == a)
            return true;
    return false;
}

/* Computes the dominator tree of f into arena out (temporaries in
 * scratch) and numbers it in pre- and postorder. */
static void dom_tree_in(SsaFunc *f, Arena *out, SsaDomTree *dt) {
    Arena *scratch = mem_scratch(f->mem);
    int nb = f->nblocks;
    dt->n = nb;
    dt->idom = dominators_in(f, out);
    dt->pre = arena_alloc(out, sizeof(int32_t) * (size_t)(nb > 0 ? nb : 1), _Alignof(int32_t));
    dt->post = arena_alloc(out, sizeof(int32_t) * (size_t)(nb > 0 ? nb : 1), _Alignof(int32_t));
    for (int i = 0; i < nb; i++)
        dt->pre[i] = dt->post[i] = -1;
    if (nb == 0)
        return;
    ArenaMark mark = arena_mark(scratch);
    /* Children in compressed rows: first[i] .. first[i+1] in kids. */
    int *first = ARENA_NEW_ARRAY(scratch, int, nb + 1);
    int *fill = ARENA_NEW_ARRAY(scratch, int, nb);
    int *kids = ARENA_NEW_ARRAY(scratch, int, nb);
    for (int i = 0; i < nb; i++)
        if (dt->idom[i])
            first[dt->idom[i]->order + 1]++;
    for (int i = 0; i < nb; i++)
        first[i + 1] += first[i];
    for (int i = 0; i < nb; i++)
        if (dt->idom[i]) {
            int p = dt->idom[i]->order;
            kids[first[p] + fill[p]++] = i;
        }
    DfsFrame *stack = ARENA_NEW_ARRAY(scratch, DfsFrame, nb);
    int sp = 0, pre = 0, post = 0;
    stack[sp++] = (DfsFrame){f->blocks[0], 0};
    dt->pre[0] = pre++;
    while (sp > 0) {
        DfsFrame *top = &stack[sp - 1];
        int o = top->b->order;
        if (top->next < first[o + 1] - first[o]) {
            int k = kids[first[o] + top->next++];
            dt->pre[k] = pre++;
            stack[sp++] = (DfsFrame){f->blocks[k], 0};
            continue;
        }
        dt->post[o] = post++;
        sp--;
    }
    arena_release(scratch, mark);
}

/* Computes the dominator tree of f (scratch). */
void ssa_dom_tree(SsaFunc *f, SsaDomTree *dt) {
    dom_tree_in(f, mem_scratch(f->mem), dt);
}

/* Returns the dominator tree of f's current control flow graph, computing
 * it (in the func region) only if the graph changed since the last time. */
const SsaDomTree *ssa_func_dom_tree(SsaFunc *f) {
    if (f->dom && f->dom_version == f->cfg_version)
        return f->dom;
    if (!f->dom)
        f->dom = ARENA_NEW(f->arena, SsaDomTree);
    dom_tree_in(f, f->arena, f->dom);
    f->dom_version = f->cfg_version;
    return f->dom;
}

/* Whether a dominates b, in constant time. */
bool ssa_dom_tree_dominates(const SsaDomTree *dt, const Block *a, const Block *b) {
    int ia = a->order, ib = b->order;
    if (dt->pre[ia] < 0 || dt->pre[ib] < 0)
        return a == b;
    return dt->pre[ia] <= dt->pre[ib] && dt->post[ib] <= dt->post[ia];
}

/* Marks, by order, the blocks that are the target of a back edge: an edge
 * from a block they dominate. */
bool *ssa_loop_headers(SsaFunc *f, Block *const *idom) {
    bool *hdr = ARENA_NEW_ARRAY(mem_scratch(f->mem), bool, f->nblocks > 0 ? f->nblocks : 1);
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nsuccs; j++)
            if (ssa_dominates(idom, b->succs[j], b))
                hdr[b->succs[j]->order] = true;
    }
    return hdr;
}
