import { driftScenarios } from "./drift-scenarios";

driftScenarios("sqlite");
