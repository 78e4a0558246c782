#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H

#include <math.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_exp.h>
#include <gsl/gsl_sf_log.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort.h>

/// Swift 6 rejects reads of mutable C globals such as `gsl_rng_mt19937` ("not concurrency-safe").
/// GSL never writes them after load, so they are reached through functions.
static inline const gsl_rng_type *cgsl_rng_type_mt19937(void) { return gsl_rng_mt19937; }

/// GSL's default error handler calls abort(); peaksim turns it off once and checks status codes.
static inline void cgsl_error_handler_off(void) { (void)gsl_set_error_handler_off(); }

// MARK: - Inline draws from GSL's own mt19937 state
//
// The simulator draws a few hundred million uniforms a run, each through two function pointers
// (`gsl_rng_uniform` -> `type->get_double` -> `mt_get`), and GSL refills its 624 words with a
// branch on each word's low bit that the processor mispredicts half the time. The functions
// below read and advance the very state GSL's `mt19937` keeps (the layout of `mt_state_t` in
// GSL's rng/mt.c, unchanged since GSL 1.0), with the same recurrence and tempering, so every
// draw is the one `gsl_rng_get` would return and GSL's own distributions may be called on the
// same generator in between. `RandomStream` checks the state size before using them, and
// InlineDrawsTests compare them with GSL bit for bit.

#pragma STDC FP_CONTRACT OFF

enum { CGSL_MT_N = 624, CGSL_MT_M = 397 };

/// GSL's `mt_state_t`.
typedef struct {
  unsigned long mt[CGSL_MT_N];
  int mti;
} cgsl_mt_state;

/// GSL's refill of all 624 words (`mt_get` when `mti >= N`), without a branch per word.
static __attribute__((noinline)) void cgsl_mt_refill(cgsl_mt_state *state) {
  unsigned long *const mt = state->mt;
  const unsigned long upper = 0x80000000UL, lower = 0x7fffffffUL, magic = 0x9908b0dfUL;
  int kk;
  for (kk = 0; kk < CGSL_MT_N - CGSL_MT_M; kk++) {
    unsigned long y = (mt[kk] & upper) | (mt[kk + 1] & lower);
    mt[kk] = mt[kk + CGSL_MT_M] ^ (y >> 1) ^ (magic & (0UL - (y & 1UL)));
  }
  for (; kk < CGSL_MT_N - 1; kk++) {
    unsigned long y = (mt[kk] & upper) | (mt[kk + 1] & lower);
    mt[kk] = mt[kk + (CGSL_MT_M - CGSL_MT_N)] ^ (y >> 1) ^ (magic & (0UL - (y & 1UL)));
  }
  {
    unsigned long y = (mt[CGSL_MT_N - 1] & upper) | (mt[0] & lower);
    mt[CGSL_MT_N - 1] = mt[CGSL_MT_M - 1] ^ (y >> 1) ^ (magic & (0UL - (y & 1UL)));
  }
  state->mti = 0;
}

/// GSL's `mt_get`: the next 32-bit word.
static inline unsigned long cgsl_mt_get(void *vstate) {
  cgsl_mt_state *state = (cgsl_mt_state *)vstate;
  if (__builtin_expect(state->mti >= CGSL_MT_N, 0)) cgsl_mt_refill(state);
  unsigned long k = state->mt[state->mti++];
  k ^= (k >> 11);
  k ^= (k << 7) & 0x9d2c5680UL;
  k ^= (k << 15) & 0xefc60000UL;
  k ^= (k >> 18);
  return k;
}

/// GSL's `mt_get_double`, what `gsl_rng_uniform` returns: [0, 1).
static inline double cgsl_mt_uniform(void *vstate) { return cgsl_mt_get(vstate) / 4294967296.0; }

/// `gsl_rng_uniform_pos`: (0, 1).
static inline double cgsl_mt_uniform_pos(void *vstate) {
  double x;
  do {
    x = cgsl_mt_uniform(vstate);
  } while (x == 0);
  return x;
}

/// `gsl_ran_exponential` (randist/exponential.c).
static inline double cgsl_mt_exponential(void *vstate, const double mu) {
  double u = cgsl_mt_uniform(vstate);
  return -mu * log1p(-u);
}

/// `gsl_ran_flat` (randist/flat.c).
static inline double cgsl_mt_flat(void *vstate, const double a, const double b) {
  double u = cgsl_mt_uniform(vstate);
  return a * (1 - u) + b * u;
}

// `gsl_ran_lognormal` (randist/lognormal.c) in its three steps, so that `cgsl_mt_polar_normals`
// can run the first two for a block of draws ahead and leave the third to each draw.

/// The polar method's point: `u` in (-1, 1), and `r2` = u² + v² in (0, 1] for the (u, v) drawn.
static inline double cgsl_mt_polar_point(void *vstate, double *r2) {
  double u, v, r;
  do {
    u = -1 + 2 * cgsl_mt_uniform(vstate);
    v = -1 + 2 * cgsl_mt_uniform(vstate);
    r = u * u + v * v;
  } while (r > 1.0 || r == 0);
  *r2 = r;
  return u;
}

/// The standard normal of a polar point.
static inline double cgsl_polar_normal(const double u, const double r2) { return u * sqrt(-2.0 * log(r2) / r2); }

/// The lognormal draw of a standard normal.
static inline double cgsl_lognormal_of_normal(const double normal, const double zeta, const double sigma) {
  return exp(sigma * normal + zeta);
}

/// `gsl_ran_lognormal`: the polar method, then exp.
static inline double cgsl_mt_lognormal(void *vstate, const double zeta, const double sigma) {
  double r2;
  const double u = cgsl_mt_polar_point(vstate, &r2);
  return cgsl_lognormal_of_normal(cgsl_polar_normal(u, r2), zeta, sigma);
}

enum { CGSL_NORMAL_BLOCK = 64 };

/// The standard normals of the next `CGSL_NORMAL_BLOCK` lognormal draws, so that
/// `cgsl_lognormal_of_normal(out[i], ...)` is the i-th of them. All the points are drawn first
/// and the normals after, with no branch between them, so the processor overlaps the
/// independent log, division and sqrt latencies that a single draw waits out one after another.
static inline void cgsl_mt_polar_normals(void *vstate, double *out) {
  double u[CGSL_NORMAL_BLOCK], r2[CGSL_NORMAL_BLOCK];
  for (int i = 0; i < CGSL_NORMAL_BLOCK; i++) u[i] = cgsl_mt_polar_point(vstate, &r2[i]);
  for (int i = 0; i < CGSL_NORMAL_BLOCK; i++) out[i] = cgsl_polar_normal(u[i], r2[i]);
}

/// The threshold `cgsl_mt_poisson_knuth` stops at for a mean `mu`: GSL's `emu`.
static inline double cgsl_poisson_threshold(const double mu) { return exp(-mu); }

/// Knuth's product of uniforms down to `emu` = e^-mu, the loop of `cgsl_mt_poisson_small`, for a
/// sampler that computed `emu` once (`cgsl_poisson_threshold`) rather than at every draw.
static inline unsigned int cgsl_mt_poisson_knuth(void *vstate, const double emu) {
  double prod = 1.0;
  unsigned int k = 0;
  do {
    prod *= cgsl_mt_uniform(vstate);
    k++;
  } while (prod > emu);
  return k - 1;
}

/// `gsl_ran_poisson` (randist/poisson.c) for `mu <= 10`, where GSL uses Knuth's product of
/// uniforms directly (larger means go through GSL's gamma and binomial steps first).
static inline unsigned int cgsl_mt_poisson_small(void *vstate, const double mu) {
  return cgsl_mt_poisson_knuth(vstate, cgsl_poisson_threshold(mu));
}

#endif
