import { defineRoundTripSuite } from "./support/round-trip-suite";

defineRoundTripSuite("mysql");
