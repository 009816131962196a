/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The workshop's Understanding part to come back to: one short page per topic,
 * chosen from a list of topics. */
#define FW_TYPE_LEARN_PAGE (fw_learn_page_get_type ())
G_DECLARE_FINAL_TYPE (FwLearnPage, fw_learn_page, FW, LEARN_PAGE, AdwBin)

GtkWidget  *fw_learn_page_new            (void);
/* The topics' ids, in order: "why-ml", "ai-ml-dl", … */
guint       fw_learn_page_get_n_topics   (FwLearnPage *self);
void        fw_learn_page_show_topic     (FwLearnPage *self,
                                          const char  *id);

G_END_DECLS
