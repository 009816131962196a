/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @text is NULL, empty or only white space, Unicode's included (the
 * full-width space U+3000 of Japanese input too). The one test of "not filled
 * in" that the rules, the steps, the diagram and the importers share. */
gboolean     fw_text_is_blank      (const char *text);

/* @text without white space (Unicode's) at either end; never NULL. */
char        *fw_text_dup_stripped  (const char *text);

/* A label as it reads inside a sentence: labels are capitalised to stand alone,
 * so the first letter goes down, unless the first word has another capital (an
 * acronym or a name: "CX", "ML", "PoC") or the script has no case. Free with g_free(). */
char        *fw_text_in_sentence   (const char *text);

/* Stores a copy of @value ("" for NULL) in *@slot, freeing the old one, unless they
 * are equal: TRUE when it changed, so a setter notifies only then. */
gboolean     fw_text_set           (char      **slot,
                                    const char *value);

/* Where @text is among the @n @texts (an id table): TRUE and its *@index, or FALSE
 * (also for NULL). */
gboolean     fw_text_find          (const char * const *texts,
                                    guint               n,
                                    const char         *text,
                                    guint              *index);

G_END_DECLS
