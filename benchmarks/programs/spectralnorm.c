/* spectralnorm: the spectral norm of an infinite matrix. */
#include <stdio.h>
#include <stdlib.h>

enum { N = 4000 };

/* Returns the entry (i, j) of the matrix. */
static double a(long i, long j) {
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

/* Stores A·v in av. */
static void mul_av(const double *v, double *av, long n) {
    for (long i = 0; i < n; i++) {
        double s = 0;
        for (long j = 0; j < n; j++)
            s += a(i, j) * v[j];
        av[i] = s;
    }
}

/* Stores transpose(A)·v in atv. */
static void mul_atv(const double *v, double *atv, long n) {
    for (long i = 0; i < n; i++) {
        double s = 0;
        for (long j = 0; j < n; j++)
            s += a(j, i) * v[j];
        atv[i] = s;
    }
}

/* Stores transpose(A)·A·v in out, using tmp. */
static void mul_atav(const double *v, double *out, double *tmp, long n) {
    mul_av(v, tmp, n);
    mul_atv(tmp, out, n);
}

/* Newton's iteration, as in the Go version. */
static double newton_sqrt(double x) {
    double z = x;
    for (int i = 0; i < 60; i++)
        z = (z + x / z) / 2;
    return z;
}

int main(void) {
    double *u = malloc(N * sizeof(double));
    double *v = malloc(N * sizeof(double));
    double *tmp = malloc(N * sizeof(double));
    for (long i = 0; i < N; i++)
        u[i] = 1;
    for (int i = 0; i < 10; i++) {
        mul_atav(u, v, tmp, N);
        mul_atav(v, u, tmp, N);
    }
    double vbv = 0, vv = 0;
    for (long i = 0; i < N; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    fprintf(stderr, "%.9f\n", newton_sqrt(vbv / vv));
    free(u);
    free(v);
    free(tmp);
    return 0;
}
