#!/bin/sh
# Replays the committed seed corpus through the fuzz harness (TAP).
exec "${FUZZ_REPLAY:?FUZZ_REPLAY names the replay binary}" tests/fuzz/corpus/*
