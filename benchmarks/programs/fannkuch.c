/* fannkuch: fannkuch-redux over the permutations of 0..N-1, repeated. */
#include <stdio.h>
#include <string.h>

enum { N = 10, ROUNDS = 4 };

/* Stores the checksum and the largest number of flips over all
 * permutations of 0..n-1, visited in the benchmark's order. */
static void fannkuch(int n, long *checksum_out, long *max_out) {
    int perm1[32], perm[32], count[32];
    for (int i = 0; i < n; i++)
        perm1[i] = i;
    long max_flips = 0, checksum = 0, perm_count = 0;
    int r = n;
    for (;;) {
        for (; r != 1; r--)
            count[r - 1] = r;
        memcpy(perm, perm1, sizeof(int) * (size_t)n);
        long flips = 0;
        for (int k = perm[0]; k != 0; k = perm[0]) {
            for (int i = 0, j = k; i < j; i++, j--) {
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            flips++;
        }
        if (flips > max_flips)
            max_flips = flips;
        checksum += perm_count % 2 == 0 ? flips : -flips;
        for (;;) {
            if (r == n) {
                *checksum_out = checksum;
                *max_out = max_flips;
                return;
            }
            int p0 = perm1[0];
            for (int i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = p0;
            count[r]--;
            if (count[r] > 0)
                break;
            r++;
        }
        perm_count++;
    }
}

int main(void) {
    long checksum = 0, flips = 0;
    for (int r = 0; r < ROUNDS; r++)
        fannkuch(N, &checksum, &flips);
    fprintf(stderr, "%ld\nPfannkuchen( %d ) = %ld\n", checksum, N, flips);
    return 0;
}
