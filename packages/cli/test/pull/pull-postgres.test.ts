import { pullScenarios } from "./pull-scenarios";

pullScenarios("postgres");
