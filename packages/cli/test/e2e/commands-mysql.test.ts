import { commandScenarios } from "./command-scenarios";

commandScenarios("mysql");
