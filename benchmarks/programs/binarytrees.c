/* binarytrees: allocate, walk and free many short-lived binary trees. */
#include <stdio.h>
#include <stdlib.h>

enum { MAX_DEPTH = 16, MIN_DEPTH = 4 };

typedef struct Node Node;
struct Node { Node *left, *right; };

/* Builds a complete tree of the given depth. */
static Node *bottom_up(int depth) {
    Node *n = malloc(sizeof(Node));
    if (depth <= 0) {
        n->left = n->right = NULL;
    } else {
        n->left = bottom_up(depth - 1);
        n->right = bottom_up(depth - 1);
    }
    return n;
}

/* Returns the number of nodes of the tree. */
static long check(const Node *n) {
    if (!n->left)
        return 1;
    return 1 + check(n->left) + check(n->right);
}

/* Frees the tree. */
static void delete_tree(Node *n) {
    if (n->left) {
        delete_tree(n->left);
        delete_tree(n->right);
    }
    free(n);
}

int main(void) {
    int stretch = MAX_DEPTH + 1;
    Node *t = bottom_up(stretch);
    fprintf(stderr, "stretch tree of depth %d check: %ld\n", stretch, check(t));
    delete_tree(t);
    Node *long_lived = bottom_up(MAX_DEPTH);
    for (int d = MIN_DEPTH; d <= MAX_DEPTH; d += 2) {
        long iterations = 1L << (MAX_DEPTH - d + MIN_DEPTH);
        long sum = 0;
        for (long i = 0; i < iterations; i++) {
            t = bottom_up(d);
            sum += check(t);
            delete_tree(t);
        }
        fprintf(stderr, "%ld trees of depth %d check: %ld\n", iterations, d, sum);
    }
    fprintf(stderr, "long lived tree of depth %d check: %ld\n", MAX_DEPTH, check(long_lived));
    delete_tree(long_lived);
    return 0;
}
