/* structvec: a ring of particles on springs, with small structs by value. */
#include <stdio.h>
#include <stdlib.h>

enum { PARTICLES = 1000, STEPS = 50000 };
#define STIFFNESS 0.5
#define COUPLING 2.0
#define DT 0.001

typedef struct { double x, y, z; } Vec;
typedef struct { Vec pos, vel; double mass; } Particle;

/* Returns a + b. */
static Vec vec_add(Vec a, Vec b) { return (Vec){a.x + b.x, a.y + b.y, a.z + b.z}; }

/* Returns a - b. */
static Vec vec_sub(Vec a, Vec b) { return (Vec){a.x - b.x, a.y - b.y, a.z - b.z}; }

/* Returns a·s. */
static Vec vec_scale(Vec a, double s) { return (Vec){a.x * s, a.y * s, a.z * s}; }

/* Returns the dot product of a and b. */
static double vec_dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y + a.z * b.z; }

/* Adds b·s to *a in place. */
static void vec_add_scaled(Vec *a, Vec b, double s) {
    a->x += b.x * s;
    a->y += b.y * s;
    a->z += b.z * s;
}

/* Returns the spring force on p: towards the origin and towards its
 * neighbours a and b. */
static Vec force(const Particle *p, const Particle *a, const Particle *b) {
    Vec pull = vec_sub(vec_add(a->pos, b->pos), vec_scale(p->pos, 2));
    return vec_add(vec_scale(p->pos, -STIFFNESS), vec_scale(pull, COUPLING));
}

/* Advances every particle by one time step (symplectic Euler). */
static void step(Particle *ps, long n) {
    for (long i = 0; i < n; i++) {
        long prev = i == 0 ? n - 1 : i - 1;
        long next = i + 1 == n ? 0 : i + 1;
        Particle *p = &ps[i];
        vec_add_scaled(&p->vel, force(p, &ps[prev], &ps[next]), DT / p->mass);
    }
    for (long i = 0; i < n; i++)
        vec_add_scaled(&ps[i].pos, ps[i].vel, DT);
}

/* Returns the kinetic energy plus the potential energy of the springs to
 * the origin and between neighbours. */
static double energy(const Particle *ps, long n) {
    double e = 0;
    for (long i = 0; i < n; i++) {
        Particle p = ps[i];
        Vec d = vec_sub(ps[(i + 1) % n].pos, p.pos);
        e += 0.5 * p.mass * vec_dot(p.vel, p.vel) + 0.5 * STIFFNESS * vec_dot(p.pos, p.pos) +
             0.5 * COUPLING * vec_dot(d, d);
    }
    return e;
}

int main(void) {
    Particle *ps = malloc(PARTICLES * sizeof(Particle));
    for (long i = 0; i < PARTICLES; i++) {
        double f = (double)i;
        ps[i] = (Particle){{f / PARTICLES, (double)(i % 7) - 3, (double)(i % 13) * 0.25},
                           {0, (double)(i % 5) * 0.1, -0.2},
                           1 + (double)(i % 3)};
    }
    fprintf(stderr, "energy before %e\n", energy(ps, PARTICLES));
    for (int s = 0; s < STEPS; s++)
        step(ps, PARTICLES);
    fprintf(stderr, "energy after  %e\n", energy(ps, PARTICLES));
    free(ps);
    return 0;
}
