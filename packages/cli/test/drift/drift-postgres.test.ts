import { driftScenarios } from "./drift-scenarios";

driftScenarios("postgres");
