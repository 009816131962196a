/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "fw-flywheel-layout.h"

G_BEGIN_DECLS

/* The only code that draws the flywheel: on screen, into PNG, PDF, SVG and
 * print alike. Reads @layout, changes nothing in it. @cr's user space is the
 * layout's size in device-independent units; @highlighted is a stage to
 * emphasise (pointer or keyboard focus) or -1. */
void   fw_flywheel_draw   (const FwFlywheelLayout *layout,
                           cairo_t                *cr,
                           int                     highlighted);

G_END_DECLS
