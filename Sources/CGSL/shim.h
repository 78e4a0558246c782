#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H

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

#endif
