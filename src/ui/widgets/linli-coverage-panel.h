/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-coverage.h"
#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_COVERAGE_PANEL (linli_coverage_panel_get_type ())

G_DECLARE_FINAL_TYPE (LinliCoveragePanel, linli_coverage_panel, LINLI, COVERAGE_PANEL, GtkWidget)

LinliCoveragePanel *linli_coverage_panel_new        (void);
void                linli_coverage_panel_set_result (LinliCoveragePanel *self,
                                                     LinliStore         *store,
                                                     LinliCoverage      *coverage);
guint               linli_coverage_panel_get_n_problems (LinliCoveragePanel *self);

G_END_DECLS
