/* mandelbrot: the Mandelbrot set, one bit per point, reduced to a checksum. */
#include <stdint.h>
#include <stdio.h>

enum { SIZE = 3000, ITER = 50 };

int main(void) {
    uint32_t sum = 0, hash = 0;
    long bytes = 0;
    for (int y = 0; y < SIZE; y++) {
        double ci = 2.0 * (double)y / (double)SIZE - 1.0;
        uint8_t bits = 0;
        int nbits = 0;
        for (int x = 0; x < SIZE; x++) {
            double cr = 2.0 * (double)x / (double)SIZE - 1.5;
            double zr = 0, zi = 0, tr = 0, ti = 0;
            for (int i = 0; i < ITER && tr + ti <= 4.0; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            bits = (uint8_t)(bits << 1);
            if (tr + ti <= 4.0)
                bits |= 1;
            nbits++;
            if (nbits == 8 || x == SIZE - 1) {
                bits = (uint8_t)(bits << (8 - nbits));
                sum += bits;
                hash = hash * 31 + bits;
                bytes++;
                bits = 0;
                nbits = 0;
            }
        }
    }
    fprintf(stderr, "mandelbrot %d bytes %ld sum %u hash %u\n", SIZE, bytes, sum, hash);
    return 0;
}
