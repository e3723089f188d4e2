import { driftScenarios } from "./drift-scenarios";

driftScenarios("mysql");
