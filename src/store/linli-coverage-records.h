/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-coverage.h"

G_BEGIN_DECLS

/* "Check grids" over the store's records: the geometry of linli-coverage.h
 * (geo) knows outlines and points, not grids and buildings. */

LinliCoverage *linli_coverage_check_records (GListModel *grids,
                                             GListModel *buildings);

G_END_DECLS
