# SPDX-License-Identifier: MIT
# modules list: the programme as casebook will use it, one module a line,
# from the installed modules, then ~/.config/casebook/modules, then
# --modules. The installed modules are copied into the scratch folder so
# that the paths printed are the same on every machine.
mkdir -p share/modules "$XDG_CONFIG_HOME/casebook/modules" extra
ln -s "$TOP_SRCDIR/data" share/data
cp "$TOP_SRCDIR"/modules/*.yaml share/modules/
CASEBOOK_DATADIR=$work/share
export CASEBOOK_DATADIR
run casebook modules list

# The authority's own copy replaces the installed one, whatever its file
# is called...
sed 's/^version: 1$/version: 2/' share/modules/basic-care.yaml \
	>"$XDG_CONFIG_HOME/casebook/modules/our-basic-care.yaml"
run casebook modules list
# ...and --modules replaces both, and can add modules of its own.
sed 's/^version: 1$/version: 3/' share/modules/basic-care.yaml >extra/basic-care.yaml
cat >extra/family-time.yaml <<'END'
id: family-time
version: 1
order: 9
title: Family time
purpose: Time together that the children look forward to.
led_by: [family-support-worker]
sections:
  - id: plans
    title: Plans
    applies_to: family
    fields:
      - id: next
        type: longtext
        label: What we will do together next
END
run casebook modules list --modules extra
run casebook --modules extra modules list

# Broken files are reported on stderr and left out; the rest is listed.
printf 'id: broken\nversion: one\n' >extra/broken.yaml
run casebook modules list --modules extra
run casebook modules list --modules no-such-folder

# Without the supervision proforma the workbook cannot be used.
rm share/modules/supervision.yaml
run casebook modules list
run casebook modules list extra
